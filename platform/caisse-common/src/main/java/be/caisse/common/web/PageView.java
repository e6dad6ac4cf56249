package be.caisse.common.web;

import java.util.List;
import java.util.function.Function;

/** One page of a list: every list the API returns is paged. Pages are numbered from 0. */
public record PageView<T>(List<T> items, int page, int size, long totalItems, int totalPages) {

    public static <E, T> PageView<T> of(List<E> items, Paging paging, long total, Function<E, T> mapper) {
        return new PageView<>(items.stream().map(mapper).toList(), paging.page(), paging.size(), total,
                (int) ((total + paging.size() - 1) / paging.size()));
    }
}
