// What earlier reads of a post learned, kept across reads because X unmounts rows far from the viewport.
import type { Author } from '../../core/model';

/**
 * What earlier reads of one post learned, keyed by status id (X recycles row elements, ids stay true):
 * X unmounts rows far from the viewport, so the post, a reply's parent or the Discover more heading
 * may be gone from the DOM while rows that depend on them are still shown.
 */
export interface Memory {
  author: Author | null;
  /** Offset of the "Discover more" heading row: rows below it are outside even once the heading unmounts. */
  headingOffset: number | null;
  outside: Set<string>;
  inside: Set<string>;
  /** The end of the conversation has been on screen (the Discover more heading, or the bottom of the page). */
  endSeen: boolean;
  links: Map<string, { parentId?: string; threadKey: string }>;
}

const MAX_POSTS_REMEMBERED = 8;
const MAX_IDS_REMEMBERED = 20000;

/** Each post's memory, the most recently read posts kept (ids, not elements: X recycles rows for other posts). */
export function createPostMemories() {
  const memories = new Map<string, Memory>();

  function memoryFor(postId: string): Memory {
    let memory = memories.get(postId);
    if (memory) {
      memories.delete(postId); // re-insert: most recent last
    } else {
      memory = {
        author: null,
        headingOffset: null,
        outside: new Set(),
        inside: new Set(),
        links: new Map(),
        endSeen: false,
      };
    }
    if (memory.links.size + memory.inside.size + memory.outside.size > MAX_IDS_REMEMBERED) {
      memory.links.clear();
      memory.inside.clear();
      memory.outside.clear();
    }
    memories.set(postId, memory);
    while (memories.size > MAX_POSTS_REMEMBERED) memories.delete(memories.keys().next().value!);
    return memory;
  }

  /** Whether a status id was read as part of another post's conversation (or is that post). */
  function belongsToAnotherPost(id: string, postId: string): boolean {
    for (const [otherId, other] of memories) {
      if (otherId !== postId && (otherId === id || other.inside.has(id))) return true;
    }
    return false;
  }

  return { memoryFor, belongsToAnotherPost };
}
