package org.vnpress.search;

/** One facet value with its label and drill-sideways count. */
public record FacetValue(String value, String label, long count) {}
