package nl.herstel.devstack;

import com.sun.net.httpserver.HttpExchange;
import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * The development token service's login page: a user name and the roles to carry, no password
 * (development only). No script; its Content Security Policy allows its own stylesheet and sending
 * the form here (the answer redirects to the client's {@code redirect_uri}, so that origin too).
 */
final class LoginPage {
  /** The parameters of the authorization request the form carries along. */
  private static final List<String> CARRIED =
      List.of(
          "response_type",
          "client_id",
          "redirect_uri",
          "state",
          "code_challenge",
          "code_challenge_method",
          "scope");

  /** The roles in the order a newcomer meets them, with what each does. */
  private static final List<String[]> ROLES =
      List.of(
          new String[] {"incident-commander", "leads an incident: decisions, tasks, closure"},
          new String[] {"recovery-team", "carries out recovery tasks"},
          new String[] {"bcm-manager", "maintains the BIA: processes, assets, targets"},
          new String[] {"process-owner", "decides revisions of their own processes"},
          new String[] {"plan-owner", "writes and publishes recovery plans"},
          new String[] {"management", "reads the lessons and the management report"},
          new String[] {"auditor", "reads everything, changes nothing"},
          new String[] {"soc-intake", "reports alerts (a SOC tool)"});

  static final String CSS =
      """
      body{font-family:system-ui,sans-serif;margin:0;background:#f4f6f8;color:#1a1a1a}
      main{max-width:34rem;margin:3rem auto;background:#fff;padding:2rem;border-radius:8px;
      box-shadow:0 1px 4px rgba(0,0,0,.15)}
      h1{margin-top:0;font-size:1.5rem}
      label{display:block;font-weight:600;margin:.8rem 0 .3rem}
      input[type=text]{font:inherit;padding:.5rem;width:100%;box-sizing:border-box;
      border:1px solid #555;border-radius:4px}
      fieldset{border:1px solid #777;border-radius:4px;margin:1rem 0;padding:.5rem 1rem}
      fieldset label{font-weight:400;display:flex;gap:.5rem;align-items:baseline;margin:.4rem 0}
      button{font:inherit;background:#0b5394;color:#fff;border:0;border-radius:4px;
      padding:.6rem 1.4rem;cursor:pointer}
      :focus-visible{outline:3px solid #c75b00;outline-offset:2px}
      .error{color:#a00000;font-weight:600}
      .note{color:#444;font-size:.9rem}
      """;

  private LoginPage() {}

  /** The security headers of the page: {@code redirect} is where its form may lead. */
  static void headers(HttpExchange ex, URI redirect) {
    String target =
        redirect == null
            ? ""
            : " "
                + redirect.getScheme()
                + "://"
                + redirect.getHost()
                + (redirect.getPort() < 0 ? "" : ":" + redirect.getPort());
    var h = ex.getResponseHeaders();
    h.set(
        "Content-Security-Policy",
        "default-src 'none'; style-src 'self'; form-action 'self'"
            + target
            + "; base-uri 'none'; frame-ancestors 'none'");
    h.set("X-Content-Type-Options", "nosniff");
    h.set("X-Frame-Options", "DENY");
    h.set("Referrer-Policy", "no-referrer");
  }

  static String form(CodeFlow.Request request, Map<String, String> params, String error) {
    StringBuilder sb = new StringBuilder();
    sb.append(
        """
        <!DOCTYPE html>
        <html lang="en">
        <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>Sign in to Herstel (development)</title><link rel="stylesheet" href="/login.css"></head>
        <body><main>
        <h1>Sign in to Herstel</h1>
        <p class="note">Development token service: choose who you are and which roles you hold.
        There is no password; in production your organisation's identity provider signs you in.</p>
        """);
    if (error != null) {
      sb.append("<p class=\"error\" role=\"alert\" id=\"error\">")
          .append(esc(error))
          .append("</p>");
    }
    sb.append("<form method=\"post\" action=\"/authorize\">\n");
    for (String name : CARRIED) {
      String v = params.get(name);
      if (v != null) {
        sb.append("<input type=\"hidden\" name=\"")
            .append(name)
            .append("\" value=\"")
            .append(esc(v))
            .append("\">\n");
      }
    }
    String username = params.getOrDefault("username", "");
    sb.append("<label for=\"username\">User name</label>")
        .append("<input type=\"text\" id=\"username\" name=\"username\" required maxlength=\"64\"")
        .append(" autocomplete=\"username\" value=\"")
        .append(esc(username))
        .append("\">\n<fieldset><legend>Roles</legend>\n");
    for (String[] role : ROLES) {
      sb.append("<label><input type=\"checkbox\" name=\"role\" value=\"")
          .append(role[0])
          .append("\" id=\"role-")
          .append(role[0])
          .append("\"> <span><strong>")
          .append(role[0])
          .append("</strong> — ")
          .append(role[1])
          .append("</span></label>\n");
    }
    sb.append("</fieldset>\n<button type=\"submit\" id=\"sign-in\">Sign in to ")
        .append(esc(request.clientId()))
        .append("</button>\n</form></main></body></html>\n");
    return sb.toString();
  }

  static String error(String message) {
    return """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><title>Sign-in refused</title>
        <link rel="stylesheet" href="/login.css"></head>
        <body><main><h1>Sign-in refused</h1><p class="error">%s</p></main></body></html>
        """
        .formatted(esc(message));
  }

  static String esc(String s) {
    return s.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;")
        .replace("'", "&#39;");
  }
}
