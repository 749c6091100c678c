/**
 * What an island says while it works (shrinking a photo, uploading, a draft saved), with the upload's progress
 * bar, placed just above the button that started it: where the resident's eye is after pressing it, on a
 * 360 px screen too (a file field's own place may be scrolled far above).
 */
export const SendStatus = ({ status, progress, label }: { status: string | null; progress: number | null; label: string }) =>
  status || progress !== null ? (
    <div className="send-status">
      {progress !== null && <progress className="upload-progress" max={100} value={progress} aria-label={label} />}
      {status && (
        <p className="draft-status hint" aria-live="polite">
          {status}
        </p>
      )}
    </div>
  ) : null
