package dev.crm.query.account;

import dev.crm.api.account.AccountQueries.FindAccount;
import dev.crm.api.account.AccountQueries.ListAccounts;
import dev.crm.api.account.AccountView;
import dev.crm.api.common.IdType;
import dev.crm.api.common.PageQuery;
import dev.crm.api.common.Versioned;
import dev.crm.query.asof.PointInTime;
import dev.crm.query.web.ListParams;
import dev.crm.query.web.PageResponse;
import dev.crm.query.web.ReadModels;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Set;

/** Reads of accounts. */
@RestController
@RequestMapping("/api/accounts")
class AccountQueryController {

    private static final Set<String> ORDERABLE = Set.of("createdAt", "updatedAt", "name");

    private final ReadModels readModels;
    private final PointInTime pointInTime;

    AccountQueryController(ReadModels readModels, PointInTime pointInTime) {
        this.readModels = readModels;
        this.pointInTime = pointInTime;
    }

    @GetMapping
    PageResponse<AccountView> list(HttpServletRequest request) {
        ListParams params = ListParams.of(request);
        PageQuery page = params.page(ORDERABLE);
        ListAccounts query = new ListAccounts(params.text("search"), params.id("assignedTo", IdType.USER),
                params.tags("tags"), params.instant("createdAfter"), params.instant("createdBefore"), page);
        params.throwIfInvalid();
        return PageResponse.of(readModels.page(query), page, request);
    }

    @GetMapping("/{id}")
    Versioned<AccountView> get(@PathVariable String id, HttpServletRequest request) {
        IdType.ACCOUNT.requireMatch(id);
        return pointInTime.find(request, new FindAccount(id), id, "no account with id " + id,
                AccountProjection.GROUP, "DELETE FROM read_model.account WHERE id = ?");
    }
}
