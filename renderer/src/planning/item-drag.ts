/** Our own type, so a file or text dragged from elsewhere is never taken for an item. */
export const ITEM_DRAG_TYPE = 'application/x-paydown-item';

/** The part of a drag event the plan uses; React's and the DOM's events both have it. */
interface DragLike {
  readonly dataTransfer: Pick<DataTransfer, 'setData' | 'getData' | 'types' | 'effectAllowed'> | null;
}

export function startItemDrag(event: DragLike, itemId: string): void {
  if (event.dataTransfer === null) return;
  event.dataTransfer.setData(ITEM_DRAG_TYPE, itemId);
  event.dataTransfer.effectAllowed = 'move';
}

/** Whether a drag carries an item; during dragover the browser shows the types but not the data. */
export function carriesItem(event: DragLike): boolean {
  return event.dataTransfer?.types.includes(ITEM_DRAG_TYPE) ?? false;
}

/** The dropped item's id, or null when the drop carried something else. */
export function droppedItem(event: DragLike): string | null {
  const id = event.dataTransfer?.getData(ITEM_DRAG_TYPE) ?? '';
  return id === '' ? null : id;
}
