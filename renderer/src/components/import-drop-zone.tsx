import { useEffect, useState } from 'react';
import { useApp } from '../store/use-app.js';
import { pickedFileOf } from './picked-file.js';

const carriesFiles = (event: DragEvent): boolean => event.dataTransfer?.types.includes('Files') ?? false;

/**
 * Dropping a file anywhere on the window opens the import wizard with it. While a file is dragged
 * over the window a full-window overlay says what will happen; dropping a file never navigates away.
 */
export function ImportDropZone() {
  const chooseImportFile = useApp((s) => s.chooseImportFile);
  // Another dialog may hold unsaved edits: a drop then does nothing rather than replace it.
  const blocked = useApp((s) => s.editor !== null || s.deleteTarget !== null || s.settingsOpen);
  const [dragging, setDragging] = useState(false);

  useEffect(() => {
    // dragenter/dragleave fire for every child the pointer crosses; the depth says when it left the window.
    let depth = 0;
    const onEnter = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      if (blocked) return;
      depth += 1;
      setDragging(true);
    };
    const onOver = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      if (event.dataTransfer !== null) event.dataTransfer.dropEffect = 'copy';
    };
    const onLeave = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDragging(false);
    };
    const onDrop = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      depth = 0;
      setDragging(false);
      if (blocked) return;
      const file = event.dataTransfer?.files[0];
      if (file !== undefined) void chooseImportFile(pickedFileOf(file));
    };
    window.addEventListener('dragenter', onEnter);
    window.addEventListener('dragover', onOver);
    window.addEventListener('dragleave', onLeave);
    window.addEventListener('drop', onDrop);
    return () => {
      window.removeEventListener('dragenter', onEnter);
      window.removeEventListener('dragover', onOver);
      window.removeEventListener('dragleave', onLeave);
      window.removeEventListener('drop', onDrop);
    };
  }, [chooseImportFile, blocked]);

  if (!dragging) return null;
  return (
    <div className="import-drop-overlay" data-testid="import-drop-overlay">
      <p>Drop a CSV or JSON file to import</p>
    </div>
  );
}
