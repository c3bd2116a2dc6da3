/**
 * A port of the parts of kubernetes-sigs/structured-merge-diff that server-side apply and {@code
 * metadata.managedFields} need: field paths and sets with their FieldsV1 form, schemas converted
 * from OpenAPI, and the operations on typed JSON values (field sets, comparison, merge, removal)
 * that the {@code Updater} combines into apply and update. Values are Jackson trees; a Java {@code
 * null} stands for an absent value and a {@code NullNode} for an explicit JSON null, as Go's nil
 * {@code value.Value} and {@code IsNull()} do. Not API: may change without notice.
 */
@NullMarked
package dev.kubeclient.testing.internal.smd;

import org.jspecify.annotations.NullMarked;
