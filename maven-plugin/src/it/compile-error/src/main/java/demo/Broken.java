package demo;

public class Broken {
  public int size() {
    return missingField;
  }
}
