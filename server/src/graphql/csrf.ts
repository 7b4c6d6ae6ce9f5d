/** The header browsers cannot send cross-site without a CORS preflight, which Gatehouse never grants. */
export const CSRF_HEADER = "x-gatehouse-csrf";
