package io.livemodel.filter;

/** One sort key of a filter's {@code order}. */
public record OrderSpec(String property, boolean descending) {
}
