package dev.crm.command.user;

import dev.crm.api.common.ConflictException;
import dev.crm.api.common.InvalidRequestException;
import dev.crm.api.common.NotFoundException;
import dev.crm.api.common.Patch;
import dev.crm.api.user.Role;
import dev.crm.api.user.UserCommands.CreateUser;
import dev.crm.api.user.UserCommands.IssueToken;
import dev.crm.api.user.UserCommands.ReinstateAdmin;
import dev.crm.api.user.UserCommands.RevokeToken;
import dev.crm.api.user.UserCommands.UpdateUser;
import dev.crm.api.user.UserEvents.TokenIssued;
import dev.crm.api.user.UserEvents.TokenRevoked;
import dev.crm.api.user.UserEvents.UserCreated;
import dev.crm.api.user.UserEvents.UserDeactivated;
import dev.crm.api.user.UserEvents.UserDetailsCorrected;
import dev.crm.api.user.UserEvents.UserReactivated;
import dev.crm.api.user.UserEvents.UserRoleChanged;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class UserAggregateTest {

    private static final String ID = "usr_01JD3Q8W6Y0T7K2M4N5P6R7S8V";
    private static final String TOKEN = "tok_01JD3Q8W6Y0T7K2M4N5P6R7S8V";
    private static final String OTHER_TOKEN = "tok_01JD3Q8W6Y0T7K2M4N5P6R7S8W";
    private static final UserCreated CREATED = new UserCreated(ID, "Alex", "Johnson", "alex@example.com", Role.MEMBER);

    private AggregateTestFixture<User> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(User.class);
    }

    @Test
    void creatingAUserIssuesItsFirstToken() {
        fixture.givenNoPriorActivity()
                .when(new CreateUser(ID, "Alex", "Johnson", "alex@example.com", null, TOKEN, "hash"))
                .expectEvents(CREATED, new TokenIssued(ID, TOKEN, "hash"));
    }

    @Test
    void aUserNeedsAnEmail() {
        fixture.givenNoPriorActivity()
                .when(new CreateUser(ID, "Alex", null, "", Role.ADMIN, TOKEN, "hash"))
                .expectException(InvalidRequestException.class)
                .expectNoEvents();
    }

    @Test
    void renamingChangingRoleAndDeactivatingAreSeparateEvents() {
        fixture.given(CREATED, new TokenIssued(ID, TOKEN, "hash"))
                .when(new UpdateUser(ID, null, Patch.of("Alexandra"), Patch.absent(), null, Role.ADMIN, false))
                .expectEvents(new UserDetailsCorrected(ID, "Alexandra", "Johnson", "alex@example.com"),
                        new UserRoleChanged(ID, Role.MEMBER, Role.ADMIN),
                        new TokenRevoked(ID, TOKEN),
                        new UserDeactivated(ID));
    }

    @Test
    void reinstatingAnAdminMakesItAnActiveAdminAgain() {
        fixture.given(CREATED, new TokenIssued(ID, TOKEN, "hash"), new TokenRevoked(ID, TOKEN),
                        new UserDeactivated(ID))
                .when(new ReinstateAdmin(ID))
                .expectEvents(new UserRoleChanged(ID, Role.MEMBER, Role.ADMIN), new UserReactivated(ID));
        fixture.given(new UserCreated(ID, "Alex", "Johnson", "alex@example.com", Role.ADMIN))
                .when(new ReinstateAdmin(ID))
                .expectNoEvents();
    }

    @Test
    void deactivationRevokesEveryLiveToken() {
        fixture.given(CREATED, new TokenIssued(ID, TOKEN, "hash"), new TokenIssued(ID, OTHER_TOKEN, "hash2"),
                        new TokenRevoked(ID, TOKEN))
                .when(new UpdateUser(ID, null, Patch.absent(), Patch.absent(), null, null, false))
                .expectEvents(new TokenRevoked(ID, OTHER_TOKEN), new UserDeactivated(ID));
    }

    @Test
    void aDeactivatedUserCanBeReactivatedWithoutItsOldTokens() {
        fixture.given(CREATED, new TokenIssued(ID, TOKEN, "hash"), new TokenRevoked(ID, TOKEN),
                        new UserDeactivated(ID))
                .when(new UpdateUser(ID, null, Patch.absent(), Patch.absent(), null, null, true))
                .expectEvents(new UserReactivated(ID));
    }

    @Test
    void reactivatingAUserDeactivatedBeforeTokensWereRevokedRevokesThemThen() {
        fixture.given(CREATED, new TokenIssued(ID, TOKEN, "hash"), new UserDeactivated(ID))
                .when(new UpdateUser(ID, null, Patch.absent(), Patch.absent(), null, null, true))
                .expectEvents(new TokenRevoked(ID, TOKEN), new UserReactivated(ID));
    }

    @Test
    void aDeactivatedUserGetsNoNewTokens() {
        fixture.given(CREATED, new TokenIssued(ID, TOKEN, "hash"), new TokenRevoked(ID, TOKEN),
                        new UserDeactivated(ID))
                .when(new IssueToken(ID, OTHER_TOKEN, "hash2"))
                .expectException(ConflictException.class)
                .expectNoEvents();
    }

    @Test
    void tokensAreIssuedAndRevoked() {
        fixture.given(CREATED, new TokenIssued(ID, TOKEN, "hash"))
                .when(new IssueToken(ID, OTHER_TOKEN, "hash2"))
                .expectEvents(new TokenIssued(ID, OTHER_TOKEN, "hash2"));
        fixture.given(CREATED, new TokenIssued(ID, TOKEN, "hash"))
                .when(new RevokeToken(ID, TOKEN))
                .expectEvents(new TokenRevoked(ID, TOKEN));
    }

    @Test
    void revokingAnUnknownOrRevokedTokenIsNotFound() {
        fixture.given(CREATED, new TokenIssued(ID, TOKEN, "hash"), new TokenRevoked(ID, TOKEN))
                .when(new RevokeToken(ID, TOKEN))
                .expectException(NotFoundException.class)
                .expectNoEvents();
        fixture.given(CREATED)
                .when(new RevokeToken(ID, OTHER_TOKEN))
                .expectException(NotFoundException.class);
    }
}
