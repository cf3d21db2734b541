package io.livemodel.store;

import io.livemodel.model.ModelDefinition;
import io.livemodel.model.PropertyDefinition;
import io.livemodel.model.PropertyType;
import io.vertx.core.Future;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Models and helpers shared by the store tests. */
public final class StoreFixtures {

  /** LoopBack's {@code MyModel}: no properties, the injected generated number id. */
  public static final ModelDefinition MY_MODEL = model("MyModel", "MyModels",
      id("id", PropertyType.NUMBER, true));

  /** LoopBack's {@code Note}, reduced to what stores care about; the injected id comes last. */
  public static final ModelDefinition NOTE = model("Note", "Notes",
      property("title", PropertyType.STRING), property("count", PropertyType.NUMBER),
      id("id", PropertyType.NUMBER, true));

  /** A model with its own string id, not generated: {@code name}. */
  public static final ModelDefinition TAG = model("Tag", "Tags",
      id("name", PropertyType.STRING, false), property("label", PropertyType.STRING));

  public static final List<ModelDefinition> MODELS = List.of(MY_MODEL, NOTE, TAG);

  private StoreFixtures() {
  }

  public static ModelDefinition model(String name, String plural, PropertyDefinition... properties) {
    Map<String, PropertyDefinition> map = new LinkedHashMap<>();
    for (PropertyDefinition property : properties) {
      map.put(property.name(), property);
    }
    return new ModelDefinition(name, plural, false, true, map);
  }

  public static PropertyDefinition property(String name, PropertyType type) {
    return new PropertyDefinition(name, type, null, false, null, false, false);
  }

  public static PropertyDefinition id(String name, PropertyType type, boolean generated) {
    return new PropertyDefinition(name, type, null, false, null, true, generated);
  }

  /** Waits (at most 10 s) for a future that must succeed. */
  public static <T> T await(Future<T> future) {
    try {
      return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw new AssertionError("the future failed: " + e.getCause(), e.getCause());
    } catch (InterruptedException | TimeoutException e) {
      throw new AssertionError("the future did not complete: " + e, e);
    }
  }

  /** Waits (at most 10 s) for a future that must fail, and returns its failure. */
  public static Throwable awaitFailure(Future<?> future) {
    try {
      Object value = future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
      throw new AssertionError("the future succeeded with " + value + " but should have failed");
    } catch (ExecutionException e) {
      return e.getCause();
    } catch (InterruptedException | TimeoutException e) {
      throw new AssertionError("the future did not complete: " + e, e);
    }
  }
}
