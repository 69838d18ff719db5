/**
 * The resident page's HTML, rendered on the server: no script at all, plain forms, one stylesheet from
 * the same origin (so the CSP can forbid every script and every other origin). B1 Dutch first, English
 * second (?lang=en). Everything shown comes from `ResidentStatus` (src/transparency/resident-status.ts).
 */
import type { ResidentStatus } from '../src/transparency/resident-status';

export type Lang = 'nl' | 'en';

const T = {
  nl: {
    title: 'Hoe staat het met mijn zaak?',
    intro: 'Vul het kenmerk en de toegangscode uit je brief in. Dan zie je hoe het met je zaak staat.',
    reference: 'Kenmerk',
    referenceHint: 'Bijvoorbeeld SJV-2026-0042',
    code: 'Toegangscode',
    codeHint: '16 tekens, bijvoorbeeld 7QK2-M9XD-4TGB-H1RW',
    login: 'Bekijk mijn zaak',
    wrong: 'Het kenmerk of de toegangscode klopt niet. Controleer je brief en probeer het opnieuw.',
    wait: 'Te veel pogingen. Wacht even en probeer het later opnieuw.',
    other: 'English',
    steps: 'Wat is er gebeurd?',
    recipients: 'Wie heeft je gegevens gekregen?',
    noRecipients: 'Nog geen andere organisaties.',
    retention: 'Wanneer worden je gegevens vernietigd?',
    retentionText: 'Uiterlijk op',
    rights: 'Je rechten',
    ask: 'Een volledig overzicht van je gegevens aanvragen',
    object: 'Bezwaar maken tegen het gebruik van je gegevens',
    asked: 'Je verzoek is ontvangen. Je krijgt binnen een maand antwoord, uiterlijk op',
    contact: 'Contact',
    logout: 'Uitloggen',
    destroyed: 'Je gegevens zijn vernietigd op',
    session: 'Je bent na 15 minuten vanzelf uitgelogd.',
  },
  en: {
    title: 'How is my case going?',
    intro: 'Enter the reference and the access code from your letter to see how your case is going.',
    reference: 'Reference',
    referenceHint: 'For example SJV-2026-0042',
    code: 'Access code',
    codeHint: '16 characters, for example 7QK2-M9XD-4TGB-H1RW',
    login: 'View my case',
    wrong: 'The reference or the access code is not right. Check your letter and try again.',
    wait: 'Too many attempts. Please wait and try again later.',
    other: 'Nederlands',
    steps: 'What has happened?',
    recipients: 'Who received your data?',
    noRecipients: 'No other organisations yet.',
    retention: 'When will your data be destroyed?',
    retentionText: 'At the latest on',
    rights: 'Your rights',
    ask: 'Ask for a full overview of your data',
    object: 'Object to the use of your data',
    asked: 'We received your request. You will get an answer within one month, at the latest on',
    contact: 'Contact',
    logout: 'Log out',
    destroyed: 'Your data was destroyed on',
    session: 'You are logged out automatically after 15 minutes.',
  },
} as const;

export const esc = (s: string): string => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

function layout(lang: Lang, title: string, body: string): string {
  const other = lang === 'nl' ? 'en' : 'nl';
  return `<!doctype html>
<html lang="${lang === 'nl' ? 'nl-NL' : 'en-US'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${esc(title)}</title>
<link rel="stylesheet" href="/style.css">
</head>
<body>
<header><nav aria-label="${lang === 'nl' ? 'Taal' : 'Language'}"><a href="?lang=${other}" lang="${other === 'nl' ? 'nl-NL' : 'en-US'}">${T[lang].other}</a></nav></header>
<main>
${body}
</main>
</body>
</html>`;
}

export function loginPage(lang: Lang, message?: 'wrong' | 'wait'): string {
  const t = T[lang];
  const alert = message ? `<p class="alert" role="alert">${esc(t[message])}</p>` : '';
  return layout(
    lang,
    t.title,
    `<h1>${esc(t.title)}</h1>
<p>${esc(t.intro)}</p>
${alert}
<form method="post" action="/login?lang=${lang}">
<label for="reference">${esc(t.reference)}</label>
<p class="hint" id="reference-hint">${esc(t.referenceHint)}</p>
<input id="reference" name="reference" autocomplete="off" autocapitalize="characters" spellcheck="false" required aria-describedby="reference-hint">
<label for="code">${esc(t.code)}</label>
<p class="hint" id="code-hint">${esc(t.codeHint)}</p>
<input id="code" name="code" autocomplete="off" autocapitalize="characters" spellcheck="false" required aria-describedby="code-hint">
<button type="submit">${esc(t.login)}</button>
</form>`,
  );
}

export function statusPage(lang: Lang, s: ResidentStatus, asked?: string): string {
  const t = T[lang];
  const logout = `<form method="post" action="/logout?lang=${lang}"><button type="submit" class="secondary">${esc(t.logout)}</button></form>`;
  if (s.phase === 'PURGED') {
    return layout(
      lang,
      s.title,
      `<h1>${esc(s.title)}</h1>
<p class="reference">${esc(t.reference)}: ${esc(s.reference)}</p>
${s.destroyedText ? `<p>${esc(t.destroyed)} <strong>${esc(s.destroyedText)}</strong>.</p>` : ''}
<p>${esc(s.text)}</p>
${logout}`,
    );
  }
  const steps = s.steps.map((x) => `<li><span class="label">${esc(x.label)}</span> <time datetime="${esc(x.day)}">${esc(x.dayText)}</time></li>`).join('\n');
  const recipients = s.recipients.length ? `<ul>${s.recipients.map((r) => `<li>${esc(r.organisation)} — <time datetime="${esc(r.day)}">${esc(r.dayText)}</time></li>`).join('')}</ul>` : `<p>${esc(t.noRecipients)}</p>`;
  const c = s.contact;
  return layout(
    lang,
    s.title,
    `<h1>${esc(s.title)}</h1>
<p class="reference">${esc(t.reference)}: ${esc(s.reference)}</p>
<p>${esc(s.text)}</p>
${asked ? `<p class="alert" role="status">${esc(t.asked)} ${esc(asked)}.</p>` : ''}
<h2>${esc(t.steps)}</h2>
<ol class="steps">${steps}</ol>
<h2>${esc(t.recipients)}</h2>
${recipients}
${s.retentionText ? `<h2>${esc(t.retention)}</h2><p>${esc(t.retentionText)} <strong><time datetime="${esc(s.retentionDay ?? '')}">${esc(s.retentionText)}</time></strong>.</p>` : ''}
<h2>${esc(t.rights)}</h2>
<ul>${s.rights.map((r) => `<li>${esc(r)}</li>`).join('')}</ul>
<form method="post" action="/request?lang=${lang}"><input type="hidden" name="kind" value="access"><button type="submit">${esc(t.ask)}</button></form>
<form method="post" action="/request?lang=${lang}"><input type="hidden" name="kind" value="objection"><button type="submit" class="secondary">${esc(t.object)}</button></form>
<h2>${esc(t.contact)}</h2>
<address>${esc(c.name)}<br>${c.postalAddress.map(esc).join('<br>')}<br><a href="mailto:${esc(c.email)}">${esc(c.email)}</a><br><a href="tel:${esc(c.phone.replace(/\s+/g, ''))}">${esc(c.phone)}</a></address>
<p class="hint">${esc(t.session)}</p>
${logout}`,
  );
}

export const STYLE = `*{box-sizing:border-box}
body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;font-size:1.125rem;line-height:1.5;color:#1b1b1b;background:#fff}
header{padding:.5rem 1rem;text-align:right}
main{max-width:40rem;margin:0 auto;padding:0 1rem 3rem}
h1{font-size:1.75rem;line-height:1.2}
h2{font-size:1.3rem;margin-top:2rem}
a{color:#0b4f8a}
a:focus,button:focus,input:focus{outline:3px solid #0b4f8a;outline-offset:2px}
label{display:block;font-weight:600;margin-top:1rem}
.hint{margin:.25rem 0;color:#4a4a4a;font-size:1rem}
input{display:block;width:100%;font-size:1.125rem;padding:.6rem;border:2px solid #4a4a4a;border-radius:4px}
button{margin-top:1.25rem;font-size:1.125rem;padding:.7rem 1.2rem;border:2px solid #0b4f8a;border-radius:4px;background:#0b4f8a;color:#fff;cursor:pointer;min-height:44px}
button.secondary{background:#fff;color:#0b4f8a}
.alert{border-left:6px solid #a4262c;padding:.5rem 1rem;background:#fde7e9}
[role=status].alert{border-color:#107c10;background:#dff6dd}
.steps li{margin:.4rem 0}
.label{font-weight:600}
.reference{color:#4a4a4a}
address{font-style:normal}
`;
