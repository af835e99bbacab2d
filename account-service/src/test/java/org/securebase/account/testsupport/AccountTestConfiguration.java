package org.securebase.account.testsupport;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.securebase.account.keycloak.KeycloakDirectory;
import org.securebase.account.keycloak.KeycloakUnavailableException;
import org.securebase.account.keycloak.KeycloakUser;
import org.securebase.account.keycloak.NewKeycloakUser;
import org.securebase.account.keycloak.RequiredAction;
import org.securebase.account.testsupport.KeycloakFaults.Operation;
import org.securebase.platform.security.Role;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** Wraps the real Keycloak adapter so tests can make single operations fail ({@link KeycloakFaults}). */
@TestConfiguration(proxyBeanMethods = false)
public class AccountTestConfiguration {

    @Bean
    static KeycloakFaults keycloakFaults() {
        return new KeycloakFaults();
    }

    @Bean
    static BeanPostProcessor faultInjectingKeycloakDirectory(ObjectProvider<KeycloakFaults> faults) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                return bean instanceof KeycloakDirectory real ? new FaultInjecting(real, faults) : bean;
            }
        };
    }

    /** Fails before calling Keycloak, as if it were unreachable; otherwise delegates to the real adapter. */
    private record FaultInjecting(KeycloakDirectory real, ObjectProvider<KeycloakFaults> faults) implements KeycloakDirectory {

        private void check(Operation operation) {
            if (faults.getObject().fails(operation)) {
                throw new KeycloakUnavailableException("injected fault: " + operation, -1, null);
            }
        }

        @Override
        public UUID createUser(NewKeycloakUser user) {
            check(Operation.CREATE_USER);
            return real.createUser(user);
        }

        @Override
        public void grantRole(UUID userId, Role role) {
            check(Operation.GRANT_ROLE);
            real.grantRole(userId, role);
        }

        @Override
        public void sendActionsEmail(UUID userId, List<RequiredAction> actions, Duration linkLifespan) {
            check(Operation.SEND_ACTIONS_EMAIL);
            real.sendActionsEmail(userId, actions, linkLifespan);
        }

        @Override
        public void disableAndLogOut(UUID userId) {
            check(Operation.DISABLE_AND_LOG_OUT);
            real.disableAndLogOut(userId);
        }

        @Override
        public void enable(UUID userId) {
            check(Operation.ENABLE);
            real.enable(userId);
        }

        @Override
        public void setLocale(UUID userId, String locale) {
            real.setLocale(userId, locale);
        }

        @Override
        public void delete(UUID userId) {
            check(Operation.DELETE);
            real.delete(userId);
        }

        @Override
        public Optional<UUID> findIdByUsername(String username) {
            return real.findIdByUsername(username);
        }

        @Override
        public Optional<KeycloakUser> find(UUID userId) {
            return real.find(userId);
        }

        @Override
        public List<KeycloakUser> membersOf(Role role, int first, int max) {
            return real.membersOf(role, first, max);
        }
    }
}
