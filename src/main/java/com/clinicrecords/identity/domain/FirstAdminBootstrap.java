package com.clinicrecords.identity.domain;

import com.clinicrecords.identity.persistence.UserRepository;
import com.clinicrecords.shared.security.Roles;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * There are no default accounts. On start-up, if no admin exists and ADMIN_EMAIL / ADMIN_PASSWORD are set,
 * that admin is created once; the password must pass the normal policy.
 */
@Component
class FirstAdminBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FirstAdminBootstrap.class);

    private final UserRepository users;
    private final AccountService accounts;
    private final FirstAdminProperties props;

    FirstAdminBootstrap(UserRepository users, AccountService accounts, FirstAdminProperties props) {
        this.users = users;
        this.accounts = accounts;
        this.props = props;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (users.existsWithRole(Roles.ADMIN)) {
            return;
        }
        if (!StringUtils.hasText(props.email()) || !StringUtils.hasText(props.password())) {
            log.warn("No admin account exists. Set ADMIN_EMAIL and ADMIN_PASSWORD to create the first one.");
            return;
        }
        accounts.create(
                new RegisterCommand(props.email(), props.password(), "Clinic", "Administrator", null),
                List.of(Roles.ADMIN));
        log.info("Created the first admin account from ADMIN_EMAIL");
    }
}
