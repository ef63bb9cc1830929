package nl.herstel.contracts;

/** An integration event could not be written to or read from its JSON form. */
public class ContractException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public ContractException(String message, Throwable cause) {
    super(message, cause);
  }
}
