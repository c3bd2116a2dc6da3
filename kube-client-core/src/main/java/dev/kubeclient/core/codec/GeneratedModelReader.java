package dev.kubeclient.core.codec;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.deser.ResolvableDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import org.jspecify.annotations.Nullable;

/**
 * The base of the generated {@code Reader} of each model class, the Jackson deserializer that
 * decodes it without reflection. Applications have no need to use it.
 *
 * <p>Jackson finds a model's reader through a class annotation, which subclasses inherit. A class
 * that extends a generated model is therefore handed to Jackson's ordinary bean deserializer, so
 * that decoding it yields an instance of the subclass and not of the model.
 *
 * @param <T> the model class
 */
public abstract class GeneratedModelReader<T> extends StdDeserializer<T>
    implements ContextualDeserializer {
  private static final long serialVersionUID = 1L;

  /** A reader of {@code model}. */
  protected GeneratedModelReader(Class<T> model) {
    super(model);
  }

  @Override
  public JsonDeserializer<?> createContextual(
      DeserializationContext ctxt, @Nullable BeanProperty property) throws JsonMappingException {
    JavaType type = ctxt.getContextualType();
    if (type == null || type.getRawClass() == handledType()) {
      return this;
    }
    BeanDescription description = ctxt.getConfig().introspect(type);
    JsonDeserializer<Object> bean =
        ctxt.getFactory().createBeanDeserializer(ctxt, type, description);
    if (bean instanceof ResolvableDeserializer resolvable) {
      resolvable.resolve(ctxt);
    }
    return bean;
  }
}
