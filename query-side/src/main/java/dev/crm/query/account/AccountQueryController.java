package dev.crm.query.account;

import dev.crm.api.account.AccountQueries.FindAccount;
import dev.crm.api.account.AccountView;
import dev.crm.api.common.IdType;
import dev.crm.api.common.Versioned;
import dev.crm.query.asof.AsOf;
import dev.crm.query.asof.PointInTime;
import dev.crm.query.web.PageResponse;
import dev.crm.query.web.ReadModels;
import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Reads of accounts. */
@RestController
@RequestMapping("/api/accounts")
class AccountQueryController {

    private final ReadModels readModels;
    private final PointInTime pointInTime;

    AccountQueryController(ReadModels readModels, PointInTime pointInTime) {
        this.readModels = readModels;
        this.pointInTime = pointInTime;
    }

    @GetMapping
    PageResponse<AccountView> list(@Valid AccountFilter filter) {
        var query = filter.query();
        return PageResponse.of(readModels.page(query), query.page());
    }

    @GetMapping("/{id}")
    Versioned<AccountView> get(@PathVariable String id, AsOf at) {
        IdType.ACCOUNT.requireMatch(id);
        return pointInTime.find(new FindAccount(id), AccountQueryHandler.ROWS, "no account with id " + id, at.asOf());
    }
}
