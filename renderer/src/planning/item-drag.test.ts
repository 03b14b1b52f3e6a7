import { describe, expect, test } from 'vitest';
import { ITEM_DRAG_TYPE, carriesItem, droppedItem, startItemDrag } from './item-drag.js';

/** A stand-in for the browser's DataTransfer: the test environment has no DOM. */
function transfer() {
  const data = new Map<string, string>();
  return {
    effectAllowed: 'uninitialized' as DataTransfer['effectAllowed'],
    get types() {
      return [...data.keys()];
    },
    setData: (type: string, value: string) => {
      data.set(type, value);
    },
    getData: (type: string) => data.get(type) ?? '',
  };
}

describe('dragging an item', () => {
  test('carries the item id under our own type and is offered as a move', () => {
    const dataTransfer = transfer();
    startItemDrag({ dataTransfer }, 'item-1');
    expect(dataTransfer.types).toEqual([ITEM_DRAG_TYPE]);
    expect(dataTransfer.effectAllowed).toBe('move');
    expect(carriesItem({ dataTransfer })).toBe(true);
    expect(droppedItem({ dataTransfer })).toBe('item-1');
  });

  test('ignores text, files and drags without data', () => {
    const dataTransfer = transfer();
    dataTransfer.setData('text/plain', 'item-1');
    expect(carriesItem({ dataTransfer })).toBe(false);
    expect(droppedItem({ dataTransfer })).toBeNull();
    expect(carriesItem({ dataTransfer: null })).toBe(false);
    expect(droppedItem({ dataTransfer: null })).toBeNull();
  });
});
