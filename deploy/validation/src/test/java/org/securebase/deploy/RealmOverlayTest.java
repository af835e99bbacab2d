package org.securebase.deploy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RealmOverlayTest {

    private static ObjectNode json(String text) throws Exception {
        return (ObjectNode) Project.JSON.readTree(text.replace('\'', '"'));
    }

    @Test
    void objectsMergeFieldByFieldAndKeyedListsElementByElement() throws Exception {
        ObjectNode realm = json("{'realm':'r','sslRequired':'external','roles':{'realm':[{'name':'a','description':'A'}]},"
                + "'flows':[{'alias':'f','executions':[1,2,3]},{'alias':'g','description':'G'}],'list':[1,2]}");
        ObjectNode overlay = json("{'//':'a comment','roles':{'realm':[{'name':'b'}]},"
                + "'flows':[{'alias':'f','executions':[1,3]}],'list':[9]}");

        ObjectNode merged = RealmOverlay.apply(realm, overlay);

        assertThat(merged).isEqualTo(json("{'realm':'r','sslRequired':'external',"
                + "'roles':{'realm':[{'name':'a','description':'A'},{'name':'b'}]},"
                + "'flows':[{'alias':'f','executions':[1,3]},{'alias':'g','description':'G'}],'list':[9]}"));
        assertThat(realm.path("roles").path("realm")).as("the realm itself is not changed").hasSize(1);
    }
}
