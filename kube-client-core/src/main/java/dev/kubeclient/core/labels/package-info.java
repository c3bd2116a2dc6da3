/**
 * Label selectors: parsing the selector language ({@code app=web,tier in (a,b),!canary}),
 * validating label keys and values, matching label sets, and client-go's canonical string form. The
 * counterpart of apimachinery's {@code labels} package.
 */
@NullMarked
package dev.kubeclient.core.labels;

import org.jspecify.annotations.NullMarked;
