//! The hot path of a full-postcode lookup allocates nothing: counted with a global
//! allocator that tallies the allocations made by a thread while it asks to be counted.
//!
//! The allocator is the whole test binary's, so it counts nothing on any other thread
//! (the other tests run beside this one) and nothing outside `allocations_during`.

use rj::areas::Areas;
use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

struct Counting;

thread_local! {
    /// Whether this thread's allocations are being counted.
    static COUNTING: Cell<bool> = const { Cell::new(false) };
    static ALLOCATIONS: Cell<usize> = const { Cell::new(0) };
}

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // `try_with`: a thread being torn down has no thread-locals left, and is not counted.
        if COUNTING.try_with(Cell::get).unwrap_or(false) {
            let _ = ALLOCATIONS.try_with(|n| n.set(n.get() + 1));
        }
        unsafe { System.alloc(layout) }
    }
    // A reallocation counts as one, as the default `realloc` (through `alloc`) did;
    // `System`'s own spares every other test in the binary a copy.
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        if COUNTING.try_with(Cell::get).unwrap_or(false) {
            let _ = ALLOCATIONS.try_with(|n| n.set(n.get() + 1));
        }
        unsafe { System.realloc(ptr, layout, new_size) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

/// How many times `f` allocated on this thread.
fn allocations_during(f: impl FnOnce()) -> usize {
    let before = ALLOCATIONS.with(Cell::get);
    COUNTING.with(|c| c.set(true));
    f();
    COUNTING.with(|c| c.set(false));
    ALLOCATIONS.with(Cell::get) - before
}

#[test]
fn full_postcode_lookup_does_not_allocate() {
    let areas = Areas::embedded().unwrap();
    let mut found = 0;
    let n = allocations_during(|| {
        for p in [
            "CF10 1AA",
            "cf101aa",
            " SW1A  2AA ",
            "M1 1AE",
            "CF1 1AA",
            "npt0ad.",
            "XX1 1XX",
            "EH1 1YZ",
            "not a postcode",
        ] {
            found += usize::from(areas.postcode_area(p).is_some());
        }
    });
    assert_eq!(
        found, 6,
        "CF10 1AA twice, SW1A 2AA and M1 1AE are live in England and Wales, CF1 1AA and \
         NPT 0AD were"
    );
    assert_eq!(n, 0, "the hot path allocated {n} times");
    // The counter works: a whole answer does allocate.
    assert!(allocations_during(|| drop(areas.lookup("CF10 1AA"))) > 0);
}
