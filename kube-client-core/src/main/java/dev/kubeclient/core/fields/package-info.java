/**
 * Field selectors ({@code metadata.name=web,status.phase!=Running}): parsing with client-go's
 * escaping rules, matching against a map of field values, and the canonical string form. The
 * counterpart of apimachinery's {@code fields} package.
 */
@NullMarked
package dev.kubeclient.core.fields;

import org.jspecify.annotations.NullMarked;
