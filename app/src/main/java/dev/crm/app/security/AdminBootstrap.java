package dev.crm.app.security;

import dev.crm.api.common.IdType;
import dev.crm.api.common.Page;
import dev.crm.api.common.PageQuery;
import dev.crm.api.user.AuthenticatedUser;
import dev.crm.api.user.Role;
import dev.crm.api.user.UserCommands.CreateUser;
import dev.crm.api.user.UserCommands.ReinstateAdmin;
import dev.crm.api.user.UserQueries.AuthenticateToken;
import dev.crm.api.user.UserQueries.ListUsers;
import dev.crm.command.user.ApiTokens;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * Makes sure someone can log in after start-up. With {@code CRM_ADMIN_TOKEN} set, an active admin whose
 * token is that value exists (created on first start). Without it, the very first start creates an admin
 * and prints a generated token once.
 */
@Component
class AdminBootstrap implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(AdminBootstrap.class);

    private final CommandGateway commandGateway;
    private final QueryGateway queryGateway;
    private final String adminToken;

    AdminBootstrap(CommandGateway commandGateway, QueryGateway queryGateway,
                   @Value("${crm.admin-token:}") String adminToken) {
        this.commandGateway = commandGateway;
        this.queryGateway = queryGateway;
        this.adminToken = adminToken;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!adminToken.isBlank()) {
            ensureAdminWithToken(ApiTokens.of(adminToken.strip()));
        } else if (noUsersYet()) {
            ApiTokens token = ApiTokens.generate();
            createAdmin(token);
            LOG.warn("Created the first admin user. Its API token, shown only this once: {}", token.token());
        }
    }

    private void ensureAdminWithToken(ApiTokens token) {
        Optional<AuthenticatedUser> owner = queryGateway.query(new AuthenticateToken(token.hash()),
                ResponseTypes.optionalInstanceOf(AuthenticatedUser.class)).join();
        if (owner.isEmpty()) {
            createAdmin(token);
            LOG.info("Created the admin user for CRM_ADMIN_TOKEN");
        } else if (owner.get().role() != Role.ADMIN) {
            commandGateway.sendAndWait(new ReinstateAdmin(owner.get().userId()));
            LOG.info("Made the owner of CRM_ADMIN_TOKEN an admin again");
        }
    }

    private boolean noUsersYet() {
        Page<?> users = queryGateway.query(new ListUsers(null, null, null, new PageQuery(1, 1, "createdAt", true)),
                ResponseTypes.instanceOf(Page.class)).join();
        return users.count() == 0;
    }

    private void createAdmin(ApiTokens token) {
        commandGateway.sendAndWait(new CreateUser(IdType.USER.newId(), "CRM", "Admin", "admin@crm.local",
                Role.ADMIN, token.tokenId(), token.hash()));
    }
}
