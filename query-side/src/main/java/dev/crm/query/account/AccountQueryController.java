package dev.crm.query.account;

import dev.crm.api.common.IdType;
import dev.crm.api.account.AccountView;
import dev.crm.query.asof.PointInTime;
import dev.crm.query.record.RecordQueryController;
import dev.crm.api.common.ReadModel;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Reads of accounts. */
@RestController
@RequestMapping("/api/accounts")
class AccountQueryController extends RecordQueryController<AccountView, AccountFilter> {

    AccountQueryController(ReadModel readModel, PointInTime pointInTime) {
        super(readModel, pointInTime, IdType.ACCOUNT);
    }
}
