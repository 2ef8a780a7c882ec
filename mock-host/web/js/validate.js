// The same rules as the tool's server-side validators (domain/validation): a Tenant ID is a GUID
// 8-4-4-4-12 hex; a Primary Domain is two or more DNS labels (letters, digits, inner hyphens, at
// most 63 characters each, 253 in all) whose last label is not all digits.

export function isGuid(text) {
  return /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/.test(text);
}

export function isDomain(input) {
  let text = input.toLowerCase();
  if (text.endsWith('.')) text = text.slice(0, -1);
  if (!text || text.length > 253) return false;
  const labels = text.split('.');
  if (labels.length < 2) return false;
  const labelOk = (l) => l.length >= 1 && l.length <= 63 && /^[a-z0-9-]+$/.test(l) &&
    !l.startsWith('-') && !l.endsWith('-');
  if (!labels.every(labelOk)) return false;
  return !/^[0-9]+$/.test(labels[labels.length - 1]);
}

/** '' when valid, else the message the server would give. */
export function tenantOrDomainProblem(raw) {
  const text = raw.trim();
  if (!text) return 'Enter a Tenant ID (GUID) or a Primary Domain.';
  if (isGuid(text) || isDomain(text)) return '';
  if (/^[0-9a-fA-F-]+$/.test(text) && text.includes('-'))
    return `Tenant ID '${text}' is not a valid GUID.`;
  return `Primary Domain '${text}' is not a valid domain name.`;
}
