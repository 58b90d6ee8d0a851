package hk.seamless.trade.batch;

import java.util.List;

/** Turns an uploaded batch file into rows of single-consignment JSON bodies. */
public interface BatchReader {

    /**
     * Reads every row of the file.
     *
     * @return the rows in file order; rows that could not be read carry read problems and an
     *     empty body
     * @throws BatchFormatException when the file as a whole is unreadable
     */
    List<BatchRow> read(byte[] file);
}
