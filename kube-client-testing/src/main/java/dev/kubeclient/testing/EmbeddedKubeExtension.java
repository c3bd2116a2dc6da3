package dev.kubeclient.testing;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The JUnit 5 extension behind {@link EmbeddedKube}: starts one {@link EmbeddedApiServer} per test
 * class, lazily on the first parameter that asks for it, stores it in the class's extension store
 * so JUnit closes it when the class is done, and resolves parameters of that type. Stateless; JUnit
 * may share one instance between classes.
 */
public final class EmbeddedKubeExtension implements ParameterResolver {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(EmbeddedKubeExtension.class);

  /** Creates the extension; JUnit calls this. */
  public EmbeddedKubeExtension() {}

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == EmbeddedApiServer.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    ExtensionContext classContext = classContext(context);
    Class<?> testClass = classContext.getRequiredTestClass();
    EmbeddedKube settings = testClass.getAnnotation(EmbeddedKube.class);
    boolean https = settings == null || settings.https();
    // The store closes AutoCloseable values when the class's context ends.
    return classContext
        .getStore(NAMESPACE)
        .getOrComputeIfAbsent(
            EmbeddedApiServer.class,
            k -> EmbeddedApiServer.newBuilder().https(https).build().start(),
            EmbeddedApiServer.class);
  }

  private static ExtensionContext classContext(ExtensionContext context) {
    ExtensionContext current = context;
    while (current.getTestMethod().isPresent() && current.getParent().isPresent()) {
      current = current.getParent().get();
    }
    return current;
  }
}
