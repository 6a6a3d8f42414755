"use client";
// A timeline question: put the events in order by dragging (mouse, touch) or fully
// by keyboard — dnd-kit's keyboard sensor (Space to pick up, arrows, Space to drop)
// with spoken announcements, or the Earlier/Later buttons — then lock the order in.
import {
  closestCenter,
  DndContext,
  KeyboardSensor,
  PointerSensor,
  TouchSensor,
  useSensor,
  useSensors,
  type Announcements,
  type DragEndEvent,
  type DragOverEvent,
} from "@dnd-kit/core";
import {
  arrayMove,
  SortableContext,
  sortableKeyboardCoordinates,
  useSortable,
  verticalListSortingStrategy,
} from "@dnd-kit/sortable";
import { CSS } from "@dnd-kit/utilities";
import { useEffect, useLayoutEffect, useMemo, useRef, useState, type RefObject } from "react";
import type { PublicQuestion } from "@/lib/quiz/question";
import { TIMELINE_HELP, TimelinePrompt } from "./timeline-preview";

type Question = Extract<PublicQuestion, { type: "timeline" }>;
type Item = Question["items"][number];

function SortableEvent({
  item,
  index,
  shown,
  count,
  locked,
  onMove,
}: {
  item: Item;
  index: number;
  /** The place drawn on the card: where it would land if the event being dragged were dropped now. */
  shown: number;
  count: number;
  locked: boolean;
  onMove: (from: number, to: number) => void;
}) {
  const { attributes, listeners, setNodeRef, transform, transition, isDragging } = useSortable({
    id: item.id,
    disabled: locked,
  });
  return (
    <li
      ref={setNodeRef}
      data-id={item.id}
      style={{ transform: CSS.Transform.toString(transform), transition }}
      className={`flex items-center gap-2 rounded-2xl border-2 bg-white p-2 text-ink ${isDragging ? "z-10 border-steppe shadow-lg" : "border-steppe/25"}`}
    >
      <span aria-hidden="true" className="grid h-8 w-8 shrink-0 place-items-center rounded-full bg-sun/30 font-bold">
        {shown + 1}
      </span>
      <button
        type="button"
        {...attributes}
        {...listeners}
        aria-label={`${item.text}, position ${index + 1} of ${count}. Press Space to pick it up and move it.`}
        className="min-h-12 min-w-0 flex-1 cursor-grab touch-none rounded-xl px-1 text-left text-base font-semibold leading-snug active:cursor-grabbing disabled:cursor-default sm:text-lg"
        disabled={locked}
      >
        {item.text}
      </button>
      <div className="flex shrink-0 gap-1">
        <button
          type="button"
          data-move="earlier"
          onClick={() => onMove(index, index - 1)}
          disabled={locked || index === 0}
          aria-label={`Move “${item.text}” earlier`}
          className="grid h-11 w-11 place-items-center rounded-xl border-2 border-steppe/25 text-lg text-steppe-dark hover:bg-steppe/5 disabled:opacity-30"
        >
          ▲
        </button>
        <button
          type="button"
          data-move="later"
          onClick={() => onMove(index, index + 1)}
          disabled={locked || index === count - 1}
          aria-label={`Move “${item.text}” later`}
          className="grid h-11 w-11 place-items-center rounded-xl border-2 border-steppe/25 text-lg text-steppe-dark hover:bg-steppe/5 disabled:opacity-30"
        >
          ▼
        </button>
      </div>
    </li>
  );
}

function keepFocus(
  list: RefObject<HTMLOListElement | null>,
  refocus: RefObject<{ id: string; direction: "earlier" | "later" } | null>,
) {
  const target = refocus.current;
  refocus.current = null;
  if (!target || !list.current) return;
  const card = [...list.current.querySelectorAll<HTMLElement>("li[data-id]")].find((li) => li.dataset.id === target.id);
  const pressed = card?.querySelector<HTMLButtonElement>(`button[data-move="${target.direction}"]`);
  const other = card?.querySelector<HTMLButtonElement>(
    `button[data-move="${target.direction === "earlier" ? "later" : "earlier"}"]`,
  );
  (pressed && !pressed.disabled ? pressed : other)?.focus();
}

/**
 * The order being arranged survives a reload (the question's clock keeps running on the
 * server): kept per attempt and position in this tab's sessionStorage. Only a convenience —
 * the server grades what is locked in, never this.
 */
function restoredOrder(storageKey: string | undefined, items: readonly Item[]): Item[] {
  if (!storageKey || typeof window === "undefined") return [...items];
  try {
    const saved = JSON.parse(window.sessionStorage.getItem(storageKey) ?? "null") as unknown;
    const byId = new Map(items.map((i) => [i.id, i]));
    if (
      Array.isArray(saved) &&
      saved.length === items.length &&
      new Set(saved).size === items.length &&
      saved.every((id) => byId.has(id as string))
    )
      return saved.map((id) => byId.get(id as string)!);
  } catch {
    // Unreadable or blocked storage: start from the served order.
  }
  return [...items];
}

export function TimelineCard({
  question,
  onLockIn,
  disabled,
  storageKey,
  showPrompt = true,
}: {
  question: Question;
  onLockIn: (order: string[]) => void;
  disabled: boolean;
  /** Where this question's arrangement is kept across a reload (sessionStorage). */
  storageKey?: string;
  /** False when the page shows the prompt itself (so the server-rendered heading stays the same element). */
  showPrompt?: boolean;
}) {
  const [items, setItems] = useState(() => restoredOrder(storageKey, question.items));
  useEffect(() => {
    if (!storageKey) return;
    try {
      window.sessionStorage.setItem(storageKey, JSON.stringify(items.map((i) => i.id)));
    } catch {
      // Storage full or blocked: the order is simply not kept.
    }
  }, [items, storageKey]);
  const [locked, setLocked] = useState(false);
  const [announcement, setAnnouncement] = useState("");
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(TouchSensor, { activationConstraint: { delay: 120, tolerance: 6 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );
  const text = useMemo(() => new Map(question.items.map((i) => [i.id, i.text])), [question.items]);
  const position = (id: string | number) => items.findIndex((i) => i.id === id) + 1;

  const announcements: Announcements = {
    onDragStart: ({ active }) =>
      `Picked up ${text.get(String(active.id))}, position ${position(active.id)} of ${items.length}.`,
    onDragOver: ({ active, over }) =>
      over ? `${text.get(String(active.id))} is now over position ${position(over.id)} of ${items.length}.` : undefined,
    onDragEnd: ({ active, over }) =>
      over ? `Dropped ${text.get(String(active.id))} at position ${position(over.id)} of ${items.length}.` : undefined,
    onDragCancel: ({ active }) => `Cancelled. ${text.get(String(active.id))} stays at position ${position(active.id)}.`,
  };

  // After a move by ▲/▼ focus stays on the moved card: on the button pressed, or on the other one
  // when the card reached the top or the bottom (a disabled button would drop focus to the page).
  const list = useRef<HTMLOListElement>(null);
  const refocus = useRef<{ id: string; direction: "earlier" | "later" } | null>(null);
  useLayoutEffect(() => keepFocus(list, refocus), [items]);

  const move = (from: number, to: number) => {
    if (to < 0 || to >= items.length) return;
    const next = arrayMove(items, from, to);
    refocus.current = { id: items[from]!.id, direction: to < from ? "earlier" : "later" };
    setItems(next);
    setAnnouncement(`${next[to]!.text} moved to position ${to + 1} of ${next.length}.`);
  };

  // While an event is carried, each card shows the place it would take if dropped now.
  const [preview, setPreview] = useState<string[] | null>(null);
  const onDragOver = ({ active, over }: DragOverEvent) => {
    const ids = items.map((i) => i.id);
    setPreview(over ? arrayMove(ids, ids.indexOf(String(active.id)), ids.indexOf(String(over.id))) : null);
  };

  const onDragEnd = ({ active, over }: DragEndEvent) => {
    setPreview(null);
    if (!over || active.id === over.id) return;
    setItems((current) =>
      arrayMove(
        current,
        current.findIndex((i) => i.id === active.id),
        current.findIndex((i) => i.id === over.id),
      ),
    );
  };

  const isLocked = locked || disabled;
  return (
    <div className="space-y-4">
      {showPrompt && <TimelinePrompt question={question} />}
      <p className="text-sm text-muted" id={`${question.id}-help`}>
        {TIMELINE_HELP}
      </p>
      <DndContext
        sensors={sensors}
        collisionDetection={closestCenter}
        onDragOver={onDragOver}
        onDragEnd={onDragEnd}
        onDragCancel={() => setPreview(null)}
        accessibility={{
          announcements,
          screenReaderInstructions: {
            draggable:
              "To pick up an event, press Space. Use the up and down arrow keys to move it, Space to drop it, or Escape to cancel.",
          },
        }}
      >
        <SortableContext items={items.map((i) => i.id)} strategy={verticalListSortingStrategy}>
          <ol
            ref={list}
            className="space-y-2"
            aria-describedby={`${question.id}-help`}
            aria-label="Events, earliest first"
          >
            {items.map((item, index) => (
              <SortableEvent
                key={item.id}
                item={item}
                index={index}
                shown={preview ? preview.indexOf(item.id) : index}
                count={items.length}
                locked={isLocked}
                onMove={move}
              />
            ))}
          </ol>
        </SortableContext>
      </DndContext>
      <p className="sr-only" aria-live="assertive">
        {announcement}
      </p>
      <button
        type="button"
        disabled={isLocked}
        onClick={() => {
          setLocked(true);
          onLockIn(items.map((i) => i.id));
        }}
        className="min-h-12 w-full rounded-xl bg-steppe px-6 py-3 text-lg font-bold text-white shadow hover:bg-steppe-dark disabled:opacity-60"
      >
        {locked ? "Order locked in" : "Lock in this order"}
      </button>
    </div>
  );
}
