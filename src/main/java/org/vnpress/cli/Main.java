package org.vnpress.cli;

public class Main {
  public static void main(String[] args) {}
}
