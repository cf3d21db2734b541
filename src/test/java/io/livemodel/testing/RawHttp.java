package io.livemodel.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One HTTP/1.1 request on a connection of its own, from a chosen local address (any of 127.0.0.0/8
 * on Linux): how tests play several client addresses on one machine, since servers tell clients apart
 * by the connection's peer address. {@code Connection: close}; the whole answer is read.
 */
public final class RawHttp {

  /** An answer: status, headers (names lower-cased, last value wins) and body. */
  public record Response(int status, Map<String, String> headers, String body) {
    public String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }
  }

  private RawHttp() {
  }

  /** {@code GET pathAndQuery} on 127.0.0.1:{@code port} from {@code localAddress}, extra header lines as given. */
  public static Response get(String localAddress, int port, String pathAndQuery, String... headerLines)
      throws IOException {
    try (Socket socket = open(localAddress, port)) {
      StringBuilder head = new StringBuilder("GET ").append(pathAndQuery).append(" HTTP/1.1\r\nHost: 127.0.0.1\r\n");
      for (String line : headerLines) {
        head.append(line).append("\r\n");
      }
      head.append("Connection: close\r\n\r\n");
      OutputStream out = socket.getOutputStream();
      out.write(head.toString().getBytes(StandardCharsets.UTF_8));
      out.flush();
      return read(socket.getInputStream());
    }
  }

  /** A connected socket from {@code localAddress} to 127.0.0.1:{@code port}, reads timing out after 30 s. */
  public static Socket open(String localAddress, int port) throws IOException {
    Socket socket = new Socket();
    socket.bind(new InetSocketAddress(localAddress, 0));
    socket.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
    socket.setSoTimeout(30_000);
    return socket;
  }

  /**
   * Sends {@code GET pathAndQuery} on {@code socket} and returns the answer's head only, leaving the
   * connection open (a change stream's body never ends).
   */
  public static String head(Socket socket, String pathAndQuery) throws IOException {
    OutputStream out = socket.getOutputStream();
    out.write(("GET " + pathAndQuery + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
    out.flush();
    InputStream in = socket.getInputStream();
    StringBuilder head = new StringBuilder();
    byte[] buffer = new byte[4096];
    while (!head.toString().contains("\r\n\r\n")) {
      int n = in.read(buffer);
      if (n < 0) {
        break;
      }
      head.append(new String(buffer, 0, n, StandardCharsets.ISO_8859_1));
    }
    return head.toString();
  }

  /** Reads a whole answer (the server closes the connection after it). */
  public static Response read(InputStream in) throws IOException {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    in.transferTo(all);
    String text = all.toString(StandardCharsets.UTF_8);
    int end = text.indexOf("\r\n\r\n");
    if (end < 0) {
      throw new IOException("no complete answer: " + text);
    }
    String[] lines = text.substring(0, end).split("\r\n");
    int status = Integer.parseInt(lines[0].split(" ")[1]);
    Map<String, String> headers = new LinkedHashMap<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
    }
    String body = text.substring(end + 4);
    if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
      body = unchunk(body);
    }
    return new Response(status, headers, body);
  }

  private static String unchunk(String chunked) {
    StringBuilder out = new StringBuilder();
    int at = 0;
    while (at < chunked.length()) {
      int lineEnd = chunked.indexOf("\r\n", at);
      int size = Integer.parseInt(chunked.substring(at, lineEnd).split(";")[0].trim(), 16);
      if (size == 0) {
        break;
      }
      // sizes count bytes; answers here are ASCII JSON, so characters are bytes
      out.append(chunked, lineEnd + 2, lineEnd + 2 + size);
      at = lineEnd + 2 + size + 2;
    }
    return out.toString();
  }
}
