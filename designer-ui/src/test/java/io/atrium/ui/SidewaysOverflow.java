package io.atrium.ui;

import java.util.List;

/**
 * Finds what sticks out past the right edge of the page: the page itself scrolling sideways, a
 * box inside it that scrolls sideways, and every visible element (in shadow roots too) whose box
 * reaches beyond the viewport where no ancestor clips it. Only the outermost element that sticks
 * out is named, not all its children.
 */
final class SidewaysOverflow {

    /**
     * Containers that scroll their own content sideways on purpose: a grid keeps its columns
     * readable and scrolls them inside its own box.
     */
    static final List<String> SCROLLS_ON_PURPOSE = List.of("vaadin-grid");

    private static final String FIND = """
            const [width, allowed] = arguments;
            const found = [];
            const page = document.documentElement;
            if (page.scrollWidth > width) found.push('the page scrolls sideways: ' + page.scrollWidth + ' px');
            if (window.innerWidth !== width) found.push('the viewport is ' + window.innerWidth + ' px wide');
            // the flat tree: slotted elements sit where their slot is, shadow roots under their host
            const parentOf = el => el.assignedSlot || el.parentElement
                || (el.parentNode instanceof ShadowRoot ? el.parentNode.host : null);
            const onPurpose = el => {
              for (let at = parentOf(el); at; at = parentOf(at)) {
                if (allowed.some(selector => at.matches(selector))) return true;
              }
              return false;
            };
            // how far right an element can be seen: ancestors that clip cut it off at their edge (one
            // that scrolls does not: what it scrolls to is still on the page, and named below)
            const clips = new Map();
            const clipOf = el => {
              if (clips.has(el)) return clips.get(el);
              let clip = Infinity;
              const parent = parentOf(el);
              if (parent && parent.nodeType === 1 && getComputedStyle(el).position !== 'fixed') {
                clip = clipOf(parent);
                const style = getComputedStyle(parent);
                if (style.overflowX === 'hidden' || style.overflowX === 'clip' || style.contain.includes('paint')) {
                  clip = Math.min(clip, parent.getBoundingClientRect().right);
                }
              }
              clips.set(el, clip);
              return clip;
            };
            const visibleRight = el => Math.min(el.getBoundingClientRect().right, clipOf(el));
            const name = el => {
              let text = el.tagName.toLowerCase() + (el.id ? '#' + el.id : '')
                  + [...el.classList].map(c => '.' + c).join('')
                  + (el.getAttribute('part') ? '[part=' + el.getAttribute('part') + ']' : '')
                  + (el.getRootNode() instanceof ShadowRoot ? ' in ' + name(el.getRootNode().host) : '');
              const words = (el.innerText || el.getAttribute('aria-label') || '').trim().replace(/\\s+/g, ' ');
              return text + (words ? ' "' + words.slice(0, 40) + '"' : '');
            };
            const sticksOut = el => {
              if (el.getClientRects().length === 0) return false;
              const style = getComputedStyle(el);
              if (style.visibility === 'hidden' || style.display === 'contents') return false;
              const box = el.getBoundingClientRect();
              return box.width > 0 && box.height > 0 && visibleRight(el) > width + 0.5;
            };
            // a box that scrolls its content sideways without being meant to
            const scrollsSideways = el => {
              const overflow = getComputedStyle(el).overflowX;
              return (overflow === 'auto' || overflow === 'scroll') && el.scrollWidth > el.clientWidth + 1
                  && el.getClientRects().length > 0;
            };
            function walk(root) {
              for (const el of root.querySelectorAll('*')) {
                if (el.shadowRoot) walk(el.shadowRoot);
                if (scrollsSideways(el) && !onPurpose(el) && !allowed.some(selector => el.matches(selector))) {
                  found.push(name(el) + ' scrolls sideways: ' + el.scrollWidth + ' px in ' + el.clientWidth + ' px');
                }
                if (!sticksOut(el) || onPurpose(el)) continue;
                let parent = parentOf(el); // the nearest ancestor with a box of its own (slots have none)
                while (parent && parent.nodeType === 1 && getComputedStyle(parent).display === 'contents') {
                  parent = parentOf(parent);
                }
                if (parent && parent.nodeType === 1 && sticksOut(parent)) continue;
                found.push(name(el) + ' reaches ' + Math.round(el.getBoundingClientRect().right) + ' px');
              }
            }
            walk(document);
            return found;""";

    private SidewaysOverflow() {
    }

    /** What sticks out on the page the browser shows now; empty when everything fits. */
    @SuppressWarnings("unchecked")
    static List<String> of(Browser browser) {
        return (List<String>) browser.driver().executeScript(FIND, browser.width(), SCROLLS_ON_PURPOSE);
    }
}
