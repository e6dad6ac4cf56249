package be.caisse.common.web;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Page;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;
import java.util.function.Function;

/** The {@code page} and {@code size} query parameters of every list (size 1 to 100, default 20). */
public class Paging {
    @QueryParam("page")
    @DefaultValue("0")
    @Min(value = 0, message = "is 0 or more")
    int page;

    @QueryParam("size")
    @DefaultValue("20")
    @Min(value = 1, message = "is 1 or more")
    @Max(value = 100, message = "is at most 100")
    int size;

    public Paging() {
    }

    public Paging(int page, int size) {
        this.page = page;
        this.size = size;
    }

    public int page() {
        return page;
    }

    public int size() {
        return size;
    }

    public int offset() {
        return page * size;
    }

    /** This page of the query's results, mapped to what the API shows, with the total count. */
    public <E, T> PageView<T> list(PanacheQuery<E> query, Function<E, T> mapper) {
        return PageView.of(query.page(Page.of(page, size)).list(), this, query.count(), mapper);
    }
}
