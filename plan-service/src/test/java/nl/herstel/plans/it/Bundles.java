package nl.herstel.plans.it;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.bouncycastle.openpgp.PGPEncryptedDataList;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPLiteralData;
import org.bouncycastle.openpgp.PGPPBEEncryptedData;
import org.bouncycastle.openpgp.PGPPublicKeyRing;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureList;
import org.bouncycastle.openpgp.PGPUtil;
import org.bouncycastle.openpgp.bc.BcPGPObjectFactory;
import org.bouncycastle.openpgp.bc.BcPGPPublicKeyRing;
import org.bouncycastle.openpgp.operator.bc.BcPBEDataDecryptorFactory;
import org.bouncycastle.openpgp.operator.bc.BcPGPContentVerifierBuilderProvider;
import org.bouncycastle.openpgp.operator.bc.BcPGPDigestCalculatorProvider;

/** Opens plan bundles the way their readers do: unzip, read the PDF, check, decrypt. */
public final class Bundles {
  private Bundles() {}

  static Map<String, byte[]> unzip(byte[] zip) throws IOException {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
        entries.put(entry.getName(), in.readAllBytes());
      }
    }
    return entries;
  }

  static String pdfText(byte[] pdf) throws IOException {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(document);
    }
  }

  /** Whether the armoured detached signature is valid for the data under the armoured key. */
  public static boolean verifies(byte[] data, String signature, String publicKey) throws Exception {
    PGPPublicKeyRing ring;
    try (InputStream in = PGPUtil.getDecoderStream(stream(publicKey))) {
      ring = new BcPGPPublicKeyRing(in);
    }
    try (InputStream in = PGPUtil.getDecoderStream(stream(signature))) {
      PGPSignatureList list = (PGPSignatureList) new BcPGPObjectFactory(in).nextObject();
      PGPSignature sig = list.get(0);
      sig.init(new BcPGPContentVerifierBuilderProvider(), ring.getPublicKey(sig.getKeyID()));
      sig.update(data);
      return sig.verify();
    }
  }

  /** The clear bytes of an OpenPGP message encrypted to a passphrase; fails if tampered with. */
  static byte[] decrypt(byte[] message, String passphrase) throws IOException, PGPException {
    BcPGPObjectFactory factory =
        new BcPGPObjectFactory(PGPUtil.getDecoderStream(new ByteArrayInputStream(message)));
    Object next = factory.nextObject();
    if (!(next instanceof PGPEncryptedDataList)) {
      next = factory.nextObject();
    }
    PGPPBEEncryptedData encrypted = (PGPPBEEncryptedData) ((PGPEncryptedDataList) next).get(0);
    InputStream clear =
        encrypted.getDataStream(
            new BcPBEDataDecryptorFactory(
                passphrase.toCharArray(), new BcPGPDigestCalculatorProvider()));
    PGPLiteralData literal = (PGPLiteralData) new BcPGPObjectFactory(clear).nextObject();
    byte[] data = literal.getInputStream().readAllBytes();
    if (!encrypted.verify()) {
      throw new PGPException("integrity check failed");
    }
    return data;
  }

  private static InputStream stream(String text) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
  }
}
