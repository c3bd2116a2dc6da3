package dev.kubeclient.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the annotated JUnit 5 test class against an {@link EmbeddedApiServer}: one server is started
 * for the class and closed after it, and is injected into test and lifecycle method parameters (and
 * constructor parameters) of type {@link EmbeddedApiServer}.
 *
 * <pre>{@code
 * @EmbeddedKube
 * class MyControllerTest {
 *   @Test
 *   void reconciles(EmbeddedApiServer server) { ... }
 * }
 * }</pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(EmbeddedKubeExtension.class)
public @interface EmbeddedKube {
  /** HTTPS with a generated CA (default) or plain HTTP. */
  boolean https() default true;
}
