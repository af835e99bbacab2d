package org.securebase.account.account;

import java.util.List;
import java.util.function.Function;

import org.springframework.data.domain.Page;

/** One page of a list, with what a client needs to page on (Spring's Page is not a stable JSON contract). */
public record PageView<T>(List<T> items, int page, int size, long totalItems, int totalPages) {

    public static <S, T> PageView<T> of(Page<S> page, Function<S, T> mapper) {
        return new PageView<>(page.getContent().stream().map(mapper).toList(), page.getNumber(), page.getSize(),
                page.getTotalElements(), page.getTotalPages());
    }
}
