package com.blueprintshop.perflab.model;

import java.util.List;

/**
 * @param first the resource that saturated first, e.g. {@code machine CPU (2 cores) at 96 %} or
 * {@code none}
 * @param findings the evidence, one sentence each (the busiest processes, pool waits, lag, GC)
 */
public record Saturation(String first, List<String> findings) {
}
