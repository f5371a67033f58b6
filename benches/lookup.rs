//! Lookup speed: full postcodes (the allocation-free hot path and the full answer),
//! partial postcodes, and names (whole, prefix and misspelt). Also prints the memory of
//! the postcode table and of the name index.
//! Run: `cargo bench --bench lookup`.

use criterion::{Criterion, criterion_group, criterion_main};
use rj::areas::Areas;
use std::alloc::{GlobalAlloc, Layout, System};
use std::hint::black_box;
use std::sync::atomic::{AtomicUsize, Ordering};

const POSTCODES: &[&str] = &[
    "CF10 1AA", "sw1a2aa", " M1 1AE ", "EC1A 1BB", "SY10 7AA", "LL55 4UR", "PL1 2AA", "NE1 4ST",
];

/// Counts the bytes live on the heap, to state what the embedded data costs once loaded.
struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        LIVE.fetch_add(layout.size(), Ordering::Relaxed);
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

fn lookups(c: &mut Criterion) {
    let before = LIVE.load(Ordering::Relaxed);
    let areas = Areas::embedded().expect("embedded data");
    println!(
        "embedded data once loaded: {} bytes on the heap",
        LIVE.load(Ordering::Relaxed) - before
    );
    println!(
        "postcode table: {} live postcodes, {} not live, {} bytes in memory ({} bytes on disk)",
        areas.table().len(),
        areas.table().not_live_len(),
        areas.table().memory_bytes(),
        include_bytes!("../data/postcodes.bin").len()
    );
    println!(
        "name index: {} places, councils and areas, about {} bytes in memory \
         (places.csv {} bytes on disk)",
        areas.names_len(),
        areas.names_memory_bytes(),
        include_str!("../data/places.csv").len()
    );

    name_search_percentiles(&areas);

    let mut i = 0;
    c.bench_function("full postcode, hot path (parse + table)", |b| {
        b.iter(|| {
            i = (i + 1) % POSTCODES.len();
            black_box(areas.postcode_area(black_box(POSTCODES[i])))
        })
    });
    c.bench_function("full postcode, whole answer", |b| {
        b.iter(|| {
            i = (i + 1) % POSTCODES.len();
            black_box(areas.lookup(black_box(POSTCODES[i])))
        })
    });
    c.bench_function("old postcode, hot path (CF1 1AA)", |b| {
        b.iter(|| black_box(areas.postcode_area(black_box("CF1 1AA"))))
    });
    c.bench_function("sector (CF10 1)", |b| {
        b.iter(|| black_box(areas.lookup(black_box("CF10 1"))))
    });
    c.bench_function("district across areas (SY10)", |b| {
        b.iter(|| black_box(areas.lookup(black_box("SY10"))))
    });
    c.bench_function("council name (Bath and North East Somerset)", |b| {
        b.iter(|| black_box(areas.lookup(black_box("Bath and North East Somerset"))))
    });
    c.bench_function("council name prefix (caerd)", |b| {
        b.iter(|| black_box(areas.lookup(black_box("caerd"))))
    });
    c.bench_function("place name (Hay-on-Wye)", |b| {
        b.iter(|| black_box(areas.lookup(black_box("Hay-on-Wye"))))
    });
    c.bench_function("place name shared by several (Newport)", |b| {
        b.iter(|| black_box(areas.lookup(black_box("Newport"))))
    });
    c.bench_function("misspelt place name (Sheffeild)", |b| {
        b.iter(|| black_box(areas.lookup(black_box("Sheffeild"))))
    });
    c.bench_function("misspelt place name (Middlesborough)", |b| {
        b.iter(|| black_box(areas.lookup(black_box("Middlesborough"))))
    });
    c.bench_function("slip in the first letter (Aheffield)", |b| {
        b.iter(|| black_box(areas.lookup(black_box("Aheffield"))))
    });
    c.bench_function("slip in the first letter, short (Gardiff)", |b| {
        b.iter(|| black_box(areas.lookup(black_box("Gardiff"))))
    });
    c.bench_function("country (England)", |b| {
        b.iter(|| black_box(areas.lookup(black_box("England"))))
    });
    c.bench_function("Welsh alternate name (Lerpwl)", |b| {
        b.iter(|| black_box(areas.lookup(black_box("Lerpwl"))))
    });
    c.bench_function("no such name (Xyzzyville)", |b| {
        b.iter(|| black_box(areas.lookup(black_box("Xyzzyville"))))
    });
    c.bench_function("place with postcode (Maidstone ME14 1XQ)", |b| {
        b.iter(|| black_box(areas.lookup(black_box("Maidstone ME14 1XQ"))))
    });
    c.bench_function("look-alike postcode (CF1O 1AA)", |b| {
        b.iter(|| black_box(areas.lookup(black_box("CF1O 1AA"))))
    });
    c.bench_function("load the embedded data", |b| {
        b.iter(|| black_box(Areas::embedded().unwrap()))
    });
}

/// Names people type: whole, prefixes, misspelt (in the first letter too), Welsh,
/// shared, countries, with a postcode, none.
const NAMES: &[&str] = &[
    "Sheffield",
    "Sheffeild",
    "Middlesborough",
    "Aberystwith",
    "Caerdydd",
    "caerd",
    "Newport",
    "St Ives",
    "Stratford",
    "Richmond",
    "Wales",
    "Llundain",
    "Kent Police",
    "Heddlu De Cymru",
    "Lerpwl",
    "Bryste",
    "Trefyclo",
    "Y Waun",
    "Hay-on-Wye",
    "Kings Lynn",
    "Newport, Isle of Wight",
    "Maidstone ME14 1XQ",
    "Xyzzyville",
    "North",
    "Bath and North East Somerset",
    "Ludgershall",
    "Aheffield",
    "Kardiff",
    "Bewport",
    "England",
    "Lloegr",
    "Corfe Mullen",
    "Qwertyuiop",
];

/// The 50th, 99th percentile and slowest time of one name search (each of NAMES 2,000
/// times, after a warm-up), as criterion gives means rather than a tail.
fn name_search_percentiles(areas: &Areas) {
    use std::time::Instant;
    for q in NAMES {
        black_box(areas.lookup(q));
    }
    let mut times: Vec<u128> = Vec::with_capacity(NAMES.len() * 2000);
    for _ in 0..2000 {
        for q in NAMES {
            let start = Instant::now();
            black_box(areas.lookup(black_box(q)));
            times.push(start.elapsed().as_nanos());
        }
    }
    times.sort_unstable();
    let at = |p: f64| times[((times.len() as f64 * p) as usize).min(times.len() - 1)];
    println!(
        "name search over {} queries x 2000: p50 {:.1} us, p99 {:.1} us, max {:.1} us",
        NAMES.len(),
        at(0.50) as f64 / 1000.0,
        at(0.99) as f64 / 1000.0,
        *times.last().unwrap() as f64 / 1000.0
    );
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(50).measurement_time(std::time::Duration::from_secs(3));
    targets = lookups
}
criterion_main!(benches);
