package dev.kubeclient.core.runtime;

import dev.kubeclient.core.meta.v1.ObjectMeta;

/** Stands in for a generated module's registrar; found through META-INF/services. */
public class TestRegistrar implements SchemeRegistrar {
  @Override
  public void register(Scheme scheme) {
    scheme.register("test.example.com/v1", "Meta", ObjectMeta.class);
  }
}
