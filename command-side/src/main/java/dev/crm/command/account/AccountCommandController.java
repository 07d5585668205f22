package dev.crm.command.account;

import dev.crm.api.account.AccountCommands.DeleteAccount;
import dev.crm.api.account.AccountView;
import dev.crm.api.common.IdType;
import dev.crm.command.web.RecordCommandController;
import dev.crm.command.web.RecordWrites;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Writes to accounts: each request becomes one command, answered with the account as it now reads. */
@RestController
@RequestMapping("/api/accounts")
class AccountCommandController extends RecordCommandController<AccountRequest, AccountView> {

    AccountCommandController(RecordWrites writes) {
        super(writes, IdType.ACCOUNT, "/api/accounts/{id}/", DeleteAccount::new);
    }
}
