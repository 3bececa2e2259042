//! The global allocator: mimalloc, which serves the evaluator's many small, short-lived
//! objects far faster than the system allocator.
//!
//! Requests whose alignment every mimalloc block already has (a machine word) go to
//! `mi_malloc`; only larger alignments use `mi_malloc_aligned`. The aligned entry point
//! takes a slow path, over-allocating, whenever the size class's free list is empty,
//! which for a garbage-collected heap is often (about half of all allocations).

use libmimalloc_sys as mi;
use std::alloc::{GlobalAlloc, Layout};
use std::ffi::c_void;

/// The alignment of every block mimalloc hands out.
const WORD: usize = std::mem::size_of::<usize>();

pub struct MiMalloc;

fn plain(layout: &Layout) -> bool {
    layout.align() <= WORD
}

// SAFETY: each method forwards to the mimalloc function with the same contract, with the
// layout's alignment honoured either by mimalloc's word alignment or by the aligned API.
unsafe impl GlobalAlloc for MiMalloc {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: see the impl.
        unsafe {
            if plain(&layout) {
                mi::mi_malloc(layout.size()) as *mut u8
            } else {
                mi::mi_malloc_aligned(layout.size(), layout.align()) as *mut u8
            }
        }
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        // SAFETY: see the impl.
        unsafe {
            if plain(&layout) {
                mi::mi_zalloc(layout.size()) as *mut u8
            } else {
                mi::mi_zalloc_aligned(layout.size(), layout.align()) as *mut u8
            }
        }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, _layout: Layout) {
        // SAFETY: see the impl.
        unsafe { mi::mi_free(ptr as *mut c_void) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: see the impl.
        unsafe {
            if plain(&layout) {
                mi::mi_realloc(ptr as *mut c_void, new_size) as *mut u8
            } else {
                mi::mi_realloc_aligned(ptr as *mut c_void, new_size, layout.align()) as *mut u8
            }
        }
    }
}
