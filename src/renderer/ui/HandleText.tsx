import { Fragment } from 'react';
import './HandleText.css';

/** Where a handle may wrap: before each @ and dot, so '@ana@social.example' never splits inside a word. */
export const handleParts = (handle: string): string[] => handle.split(/(?=[@.])/);

/** A handle as text that wraps only at its @ and dots when the line is too short for it. */
export function HandleText({ handle }: { handle: string }) {
  return (
    <span className="handle-text">
      {handleParts(handle).map((part, index) => (
        <Fragment key={index}>
          {index > 0 && <wbr />}
          {part}
        </Fragment>
      ))}
    </span>
  );
}
