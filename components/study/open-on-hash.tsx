"use client";
// Links into the study view (/study#fact-…, from "Facts to revisit"; the section links at its
// top) may point inside a folded section: unfold every <details> around the target (and the
// target itself, a section), bring it into view and mark it. The mark is a data attribute,
// not :target, which a client-side navigation (Next's <Link>) never sets.
import { useEffect } from "react";

export function OpenOnHash() {
  useEffect(() => {
    const reveal = () => {
      const id = decodeURIComponent(window.location.hash.slice(1));
      const target = id ? document.getElementById(id) : null;
      document.querySelectorAll("[data-target]").forEach((el) => el.removeAttribute("data-target"));
      if (!target) return;
      let opened = false;
      for (let el: HTMLElement | null = target; el; el = el.parentElement) {
        if (el instanceof HTMLDetailsElement && !el.open) {
          el.open = true;
          opened = true;
        }
      }
      target.setAttribute("data-target", "");
      if (opened) target.scrollIntoView();
    };
    reveal();
    window.addEventListener("hashchange", reveal);
    return () => window.removeEventListener("hashchange", reveal);
  }, []);
  return null;
}
