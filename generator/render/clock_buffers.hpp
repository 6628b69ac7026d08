#pragma once
/// One gmtime()/localtime() buffer per thread for the whole process (clock_buffers.cpp).

namespace tampon::render {

/// Does nothing: called where workbooks and PDFs are written, so that the linker keeps
/// clock_buffers.cpp (and its gmtime and localtime) in every program that renders them.
void use_clock_buffers_per_thread();

}  // namespace tampon::render
