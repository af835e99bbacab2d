package org.securebase.platform.events;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.securebase.platform.events.accounts.AccountActivated;
import org.securebase.platform.events.accounts.AccountDeactivated;
import org.securebase.platform.events.accounts.AccountErased;
import org.securebase.platform.events.accounts.AccountInvited;
import org.securebase.platform.events.accounts.AccountReactivated;
import org.securebase.platform.events.accounts.AccountsHeartbeat;
import org.securebase.platform.events.accounts.CaseloadAssigned;
import org.securebase.platform.events.accounts.ClientIdentityRead;
import org.securebase.platform.events.accounts.CaseloadEnded;
import org.securebase.platform.events.accounts.RoleChanged;
import org.securebase.platform.events.content.ArticlePublished;
import org.securebase.platform.events.content.ArticleRetracted;
import org.securebase.platform.events.journal.AssignmentCreated;
import org.securebase.platform.events.journal.AssignmentDueChanged;
import org.securebase.platform.events.journal.AssignmentOpened;
import org.securebase.platform.events.journal.AssignmentReminderChosen;
import org.securebase.platform.events.journal.AssignmentSubmitted;
import org.securebase.platform.events.journal.FeedbackGiven;
import org.securebase.platform.events.journal.MeasureAssigned;
import org.securebase.platform.events.journal.MeasureDue;
import org.securebase.platform.events.journal.MeasureNeedsAttention;

/**
 * Every event contract of the platform, read once from the records' {@link EventContract} annotations: which
 * record a {@code (topic, type)} pair maps to, and which topic, type and schema version a record is published with.
 *
 * <p>A new event kind is one new record (annotated, implementing {@link EventPayload}) and one line in
 * {@link #ALL}. A type name is unique on its topic; the constructor refuses two records claiming the same one.
 */
public final class EventContracts {

    /** The records, listed once, so a publisher and a consumer can never disagree about what exists. */
    public static final List<Class<? extends EventPayload>> ALL = List.of(
            ArticlePublished.class, ArticleRetracted.class,
            AssignmentCreated.class, AssignmentOpened.class, AssignmentSubmitted.class, FeedbackGiven.class,
            MeasureAssigned.class, MeasureDue.class, MeasureNeedsAttention.class, AssignmentDueChanged.class,
            AssignmentReminderChosen.class,
            AccountInvited.class, AccountActivated.class, AccountDeactivated.class, AccountReactivated.class,
            RoleChanged.class, CaseloadAssigned.class, CaseloadEnded.class, AccountErased.class, AccountsHeartbeat.class,
            ClientIdentityRead.class);

    private static final EventContracts SHARED = new EventContracts(ALL);

    private final Map<Class<?>, Contract> byPayload = new LinkedHashMap<>();
    private final Map<String, Contract> byTopicAndType = new LinkedHashMap<>();

    /**
     * One contract: the payload record and the envelope fields it is published with.
     *
     * @param payload       the record
     * @param topic         its topic
     * @param type          the envelope's type name
     * @param schemaVersion the newest schema version this code writes and reads
     * @param recordInLedger whether consumers record it in their processed-event ledger
     */
    public record Contract(Class<? extends EventPayload> payload, String topic, String type, int schemaVersion,
                           boolean recordInLedger) {
    }

    EventContracts(Collection<Class<? extends EventPayload>> payloads) {
        for (Class<? extends EventPayload> payload : payloads) {
            Contract contract = read(payload);
            if (byTopicAndType.putIfAbsent(contract.topic() + " " + contract.type(), contract) != null) {
                throw new IllegalStateException("two event contracts claim " + contract.type() + " on " + contract.topic());
            }
            byPayload.put(payload, contract);
        }
    }

    public static EventContracts shared() {
        return SHARED;
    }

    /** The contract of a payload record; throws for a class that is not one of {@link #ALL}. */
    public Contract of(Class<?> payload) {
        Contract contract = byPayload.get(payload);
        if (contract == null) {
            throw new IllegalArgumentException(payload.getName() + " is not an event contract listed in EventContracts.ALL");
        }
        return contract;
    }

    /** The envelope's type name of a payload record. */
    public static String typeOf(Class<? extends EventPayload> payload) {
        return SHARED.of(payload).type();
    }

    /** The contract of an event read from {@code topic}, if this code knows its type. */
    public Optional<Contract> find(String topic, String type) {
        return Optional.ofNullable(byTopicAndType.get(topic + " " + type));
    }

    /** Every contract whose payload is {@code supertype} or implements it, e.g. all account events. */
    public List<Contract> assignableTo(Class<?> supertype) {
        return byPayload.values().stream().filter(contract -> supertype.isAssignableFrom(contract.payload())).toList();
    }

    private static Contract read(Class<? extends EventPayload> payload) {
        EventContract annotation = payload.getAnnotation(EventContract.class);
        Objects.requireNonNull(annotation, () -> payload.getName() + " has no @EventContract");
        if (!payload.isRecord()) {
            throw new IllegalStateException(payload.getName() + " must be a record: its components are the wire format");
        }
        if (annotation.schemaVersion() < 1) {
            throw new IllegalStateException(payload.getName() + " must declare a schema version of at least 1");
        }
        String type = annotation.type().isEmpty() ? payload.getSimpleName() : annotation.type();
        return new Contract(payload, Topics.requireValid(annotation.topic()), type, annotation.schemaVersion(),
                annotation.recordInLedger());
    }
}
