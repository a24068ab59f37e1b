/**
 * Database URLs without the driver: telling a URL from a data directory, and showing one without its
 * password. Kept apart from connection.ts so that opening the embedded store never loads `pg`
 * (every `intm` call would pay for it).
 */

export function isDatabaseUrl(value: string): boolean {
  return /^postgres(ql)?:\/\//i.test(value.trim());
}

/**
 * The URL for logs and messages: user, host, port and database, never the password – also when the
 * URL is malformed (then only what can be told safely).
 */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    for (const key of [...u.searchParams.keys()]) if (/pass/i.test(key)) u.searchParams.set(key, '***');
    return u.toString();
  } catch {
    // Not parseable: cut everything between "://" and the last "@" that could be credentials.
    const m = /^([a-z][a-z0-9+.-]*:\/\/)(?:.*@)?([^@]*)$/i.exec(url.trim());
    return m ? `${m[1]}${url.includes('@') ? '***@' : ''}${m[2].replace(/password=[^&]*/gi, 'password=***')}` : '(ungültige Datenbank-URL)';
  }
}
