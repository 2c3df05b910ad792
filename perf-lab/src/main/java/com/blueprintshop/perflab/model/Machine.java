package com.blueprintshop.perflab.model;

/**
 * @param cores processors the OS reports
 * @param memoryGiB physical memory
 * @param os e.g. {@code Linux 6.1 amd64}
 * @param java the load generator's Java version
 */
public record Machine(int cores, double memoryGiB, String os, String java) {
}
