// The token the office asks of every change a signed-in browser sends (Spring Security's CSRF protection):
// it comes in the PERMANENCE-XSRF cookie, readable by our pages only (same origin), and goes back in a header.
const Permanence = {
  csrfHeaders() {
    const cookie = document.cookie.split('; ').find(c => c.startsWith('PERMANENCE-XSRF='));
    return cookie ? {'X-PERMANENCE-XSRF': decodeURIComponent(cookie.substring('PERMANENCE-XSRF='.length))} : {};
  }
};
