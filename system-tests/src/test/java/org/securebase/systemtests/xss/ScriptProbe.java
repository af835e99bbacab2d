package org.securebase.systemtests.xss;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chromium.ChromiumDriver;

/**
 * Watches one browser for script that should never run. Through the DevTools protocol, before any script of any
 * page or frame, it defines {@code __xss(id)} (what every payload calls), replaces {@code alert}, {@code confirm},
 * {@code prompt} and {@code print}, and listens for {@code securitypolicyviolation}. Each finding goes into the
 * page's memory and into sessionStorage, so that one made just before a navigation is still there on the next
 * page; frames without storage (opaque origins) post theirs to the top window.
 *
 * <p>After each page it also reads the DOM as the browser built it: any event-handler attribute, any URL attribute
 * with a {@code javascript:}, {@code vbscript:} or {@code data:} scheme, any element that can run or embed script
 * (iframes, objects, inline scripts, SVG animation) is a finding too, even if nothing ran yet.
 */
final class ScriptProbe {

    static final String STORAGE_KEY = "__xss_findings";

    private static final String HOOK = """
            (function () {
              if (window.__xssFindings) { return; }
              var findings = [];
              Object.defineProperty(window, '__xssFindings', { value: findings });
              function record(kind, detail) {
                var entry = kind + ': ' + String(detail).slice(0, 300) + ' @ ' + String(location.href).slice(0, 160);
                findings.push(entry);
                var stored = false;
                try {
                  var list = JSON.parse(window.sessionStorage.getItem('%s') || '[]');
                  list.push(entry);
                  window.sessionStorage.setItem('%s', JSON.stringify(list));
                  stored = true;
                } catch (e) { /* an opaque origin has no storage */ }
                if (!stored && window.top !== window) {
                  try { window.top.postMessage({ xssFinding: entry }, '*'); } catch (e) { /* nothing left to tell */ }
                }
              }
              window.addEventListener('message', function (event) {
                if (window.top === window && event.data && typeof event.data.xssFinding === 'string') {
                  record('from a frame', event.data.xssFinding);
                }
              });
              window.__xss = function (id) { record('execution', id); };
              window.alert = function (m) { record('alert', m); };
              window.confirm = function (m) { record('confirm', m); return false; };
              window.prompt = function (m) { record('prompt', m); return null; };
              window.print = function () { record('print', ''); };
              document.addEventListener('securitypolicyviolation', function (e) {
                record('csp-violation', e.violatedDirective + ' blocked ' + e.blockedURI + ' in ' + e.sourceFile + ':'
                    + e.lineNumber + ' sample ' + e.sample);
              }, true);
            })();
            """.formatted(STORAGE_KEY, STORAGE_KEY);

    /** Lets queued tasks (error events, violation reports) run, then hands back and clears everything found. */
    private static final String COLLECT = """
            var done = arguments[arguments.length - 1];
            setTimeout(function () {
              setTimeout(function () {
                var found = [];
                try {
                  found = JSON.parse(window.sessionStorage.getItem('%s') || '[]');
                  window.sessionStorage.removeItem('%s');
                } catch (e) { found = ['probe: sessionStorage unreadable ' + e]; }
                var memory = window.__xssFindings;
                if (!memory) { found.push('probe: the hook is missing on ' + location.href); }
                done(found);
              }, 0);
            }, 0);
            """.formatted(STORAGE_KEY, STORAGE_KEY);

    /**
     * Everything in the built DOM that could run script now or on a click. The portal's own pages use external
     * scripts from /js/ only (named with their content hash), no frames, no handler attributes; the mood chart is plain SVG shapes.
     */
    private static final String SCAN = """
            var problems = [];
            var urlAttributes = ['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'poster', 'background',
                'lowsrc', 'dynsrc', 'codebase', 'cite', 'ping', 'srcset', 'values', 'to', 'from', 'by'];
            var dangerous = ['iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'base', 'portal', 'animate',
                'set', 'animatemotion', 'animatetransform', 'use', 'foreignobject', 'handler', 'listener', 'mglyph',
                'maction', 'xmp', 'noembed', 'noframes', 'plaintext', 'isindex', 'marquee'];
            var elements = document.querySelectorAll('*');
            for (var i = 0; i < elements.length; i++) {
              var el = elements[i];
              var tag = el.localName.toLowerCase();
              var where = tag + (el.id ? '#' + el.id : '');
              if (dangerous.indexOf(tag) >= 0) { problems.push('element <' + tag + '>'); }
              if (tag === 'script') {
                var src = el.getAttribute('src');
                if (!src || !/^\\/js\\/[a-z-]+(-[0-9a-f]{32})?\\.js$/.test(src)) { problems.push('script not the portal\\'s own: ' + (src || el.textContent.slice(0, 80))); }
              }
              if (tag === 'meta' && el.hasAttribute('http-equiv')) { problems.push('meta http-equiv ' + el.getAttribute('http-equiv')); }
              if (tag === 'style' ) { problems.push('style element: ' + el.textContent.slice(0, 80)); }
              if (tag === 'link' && !/^\\/css\\/[a-z-]+(-[0-9a-f]{32})?\\.css$/.test(el.getAttribute('href') || '')) { problems.push('link ' + el.outerHTML.slice(0, 120)); }
              for (var j = 0; j < el.attributes.length; j++) {
                var name = el.attributes[j].name.toLowerCase();
                var value = el.attributes[j].value;
                if (name.indexOf('on') === 0) { problems.push(where + ' has handler ' + name + '=' + value.slice(0, 80)); }
                if (name === 'srcdoc') { problems.push(where + ' has srcdoc'); }
                if (name === 'style' && /url\\(|expression|behavior|binding/i.test(value)) { problems.push(where + ' style ' + value.slice(0, 80)); }
                if (urlAttributes.indexOf(name) >= 0) {
                  var bare = value.replace(/[\\u0000-\\u0020\\u007f-\\u00a0\\u200b-\\u200f\\u2028\\u2029\\ufeff]+/g, '').toLowerCase();
                  if (/^(javascript|vbscript|livescript|data):/.test(bare) || bare.indexOf('javascript:') >= 0) {
                    problems.push(where + ' ' + name + '=' + value.slice(0, 100));
                  }
                }
              }
              if (tag === 'a' && el.hasAttribute('href')) {
                var protocol = '';
                try { protocol = new URL(el.href, location.href).protocol; } catch (e) { protocol = 'unparsable:'; }
                if (['http:', 'https:', 'mailto:'].indexOf(protocol) < 0) { problems.push('link with scheme ' + protocol + ' ' + el.getAttribute('href').slice(0, 100)); }
              }
            }
            return problems;
            """;

    /**
     * Hovers, focuses and clicks every link in the page's main content, as a curious reader would. Navigation to a
     * web, mail or same-site address is cancelled so the page stays; any other link is followed as the browser
     * would, so a {@code javascript:} URL that got through runs (or is blocked and reported) here.
     */
    private static final String ACTIVATE = """
            var main = document.getElementById('main') || document.body;
            var links = main.querySelectorAll('a[href], area[href], [tabindex]');
            function stay(event) {
              var link = event.target.closest && event.target.closest('a[href], area[href]');
              if (!link) { return; }
              var protocol = '';
              try { protocol = new URL(link.href, location.href).protocol; } catch (e) { protocol = ''; }
              if (['http:', 'https:', 'mailto:'].indexOf(protocol) >= 0) { event.preventDefault(); }
            }
            document.addEventListener('click', stay, true);
            var n = 0;
            for (var i = 0; i < links.length; i++) {
              var link = links[i];
              ['mouseover', 'mouseenter', 'mousedown', 'mouseup'].forEach(function (type) {
                link.dispatchEvent(new MouseEvent(type, { bubbles: true, cancelable: true, view: window }));
              });
              if (link.focus) { link.focus(); }
              link.click();
              n++;
            }
            document.removeEventListener('click', stay, true);
            if (document.activeElement && document.activeElement.blur) { document.activeElement.blur(); }
            return n;
            """;

    private final WebDriver driver;
    private final List<String> findings = new ArrayList<>();
    private int linksActivated;

    private ScriptProbe(WebDriver driver) {
        this.driver = driver;
    }

    /** Installs the hook in a browser that has not loaded any page yet. */
    static ScriptProbe install(WebDriver driver) {
        if (!(driver instanceof ChromiumDriver chromium)) {
            throw new IllegalStateException("the probe needs Chromium's DevTools protocol, got " + driver.getClass());
        }
        chromium.executeCdpCommand("Page.enable", Map.of());
        chromium.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", HOOK));
        return new ScriptProbe(driver);
    }

    /** After a page has loaded: the DOM check, the links clicked, and whatever the hook recorded, under {@code label}. */
    void inspect(String label) {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        @SuppressWarnings("unchecked")
        List<Object> problems = (List<Object>) js.executeScript(SCAN);
        problems.forEach(problem -> findings.add("dom: " + problem + " on " + label));
        linksActivated += ((Number) js.executeScript(ACTIVATE)).intValue();
        collect(label);
    }

    /** What the hook recorded since the last time, without the DOM check (e.g. on the login page). */
    void collect(String label) {
        @SuppressWarnings("unchecked")
        List<Object> recorded = (List<Object>) ((JavascriptExecutor) driver).executeAsyncScript(COLLECT);
        recorded.forEach(finding -> findings.add(finding + " (seen on " + label + ")"));
    }

    List<String> findings() {
        return List.copyOf(findings);
    }

    long executions() {
        return findings.stream().filter(f -> !f.startsWith("csp-violation") && !f.startsWith("dom:")).count();
    }

    long cspViolations() {
        return findings.stream().filter(f -> f.startsWith("csp-violation")).count();
    }

    long domProblems() {
        return findings.stream().filter(f -> f.startsWith("dom:")).count();
    }

    int linksActivated() {
        return linksActivated;
    }
}
