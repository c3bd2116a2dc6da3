package dev.kubeclient.informers.cache;

/** The test object of client-go's FIFO tests: a name (its key) and a value. */
record FifoObj(String name, Object val) {
  static FifoObj of(String name, Object val) {
    return new FifoObj(name, val);
  }

  static final KeyFunc<FifoObj> KEY = FifoObj::name;
}
