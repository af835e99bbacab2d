import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import com.google.gson.JsonParser;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;

/**
 * Tink AEAD keysets for journal-service, made and rotated the way its {@code Keysets} does (AES-256-GCM, a new
 * primary key on rotation, old keys kept for reading): its master key file ({@code new}) and keyset files from before
 * keysets were stored in its database. Run by the JDK as a single-file program: see ../journal-keyset.sh. Key
 * material goes to standard output only; {@code info} prints ids and status, never a key.
 */
public class JournalKeyset {

    public static void main(String[] args) throws Exception {
        AeadConfig.register();
        String command = args.length == 1 ? args[0] : "";
        switch (command) {
            case "new" -> print(KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM));
            case "rotate" -> print(KeysetHandle.newBuilder(read())
                    .addEntry(KeysetHandle.generateEntryFromParameters(PredefinedAeadParameters.AES256_GCM)
                            .withRandomId().makePrimary())
                    .build());
            case "info" -> {
                KeysetHandle handle = read();
                for (int i = 0; i < handle.size(); i++) {
                    KeysetHandle.Entry entry = handle.getAt(i);
                    System.out.println("key " + Integer.toUnsignedString(entry.getId()) + " " + entry.getStatus()
                            + (entry.isPrimary() ? " PRIMARY" : ""));
                }
            }
            default -> {
                System.err.println("usage: JournalKeyset new | rotate < keyset.json | info < keyset.json");
                System.exit(2);
            }
        }
    }

    /** One line, so the keyset fits a .env value and a Secret literal. */
    private static void print(KeysetHandle handle) throws GeneralSecurityException {
        String json = TinkJsonProtoKeysetFormat.serializeKeyset(handle, InsecureSecretKeyAccess.get());
        System.out.println(JsonParser.parseString(json));
    }

    private static KeysetHandle read() throws IOException, GeneralSecurityException {
        String json = new String(System.in.readAllBytes(), StandardCharsets.UTF_8).trim();
        return TinkJsonProtoKeysetFormat.parseKeyset(json, InsecureSecretKeyAccess.get());
    }
}
