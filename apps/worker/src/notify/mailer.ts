import { createTransport, type Transporter } from 'nodemailer';

/** One e-mail as the notify processor sends it. */
export interface OutgoingEmail {
  to: string;
  subject: string;
  text: string;
  language: string;
  /** Stable per notification, so that a receiving server can tell a repeat (after a crash mid-send) from a new mail. */
  messageId: string;
}

/** Sends notification e-mails through SMTP_URL. */
export interface Mailer {
  send(email: OutgoingEmail): Promise<void>;
  close(): void;
}

/**
 * The SMTP transport of SMTP_URL (nodemailer reads user, password, host, port and smtps: from it).
 * Errors are rethrown with the SMTP reply only, never the URL: it holds the password.
 */
export function smtpMailer(smtpUrl: string, from: string): Mailer {
  const transport: Transporter = createTransport(smtpUrl);
  return {
    async send(email) {
      try {
        await transport.sendMail({
          from,
          to: email.to,
          subject: email.subject,
          text: email.text,
          messageId: email.messageId,
          headers: { 'Content-Language': email.language, 'Auto-Submitted': 'auto-generated' },
        });
      } catch (error) {
        throw new Error(`SMTP refused the e-mail: ${smtpFailure(error)}`, { cause: error });
      }
    },
    close: () => transport.close(),
  };
}

/** The SMTP reply or error code of a failed send; nothing that may quote the connection's credentials. */
function smtpFailure(error: unknown): string {
  if (error && typeof error === 'object') {
    const { responseCode, response, code } = error as { responseCode?: unknown; response?: unknown; code?: unknown };
    if (typeof responseCode === 'number') return `${responseCode} ${typeof response === 'string' ? response.slice(0, 200) : ''}`.trim();
    if (typeof code === 'string') return code;
  }
  return 'unknown error';
}

/** The SMTP server's host and port, for the log line that says e-mail is on (no user, no password). */
export function smtpHostOf(smtpUrl: string): string {
  const url = new URL(smtpUrl);
  return `${url.protocol}//${url.host}`;
}
